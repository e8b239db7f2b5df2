using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// The compilation settings every cell shares: the GdNotebooks libraries referenced and their namespaces
/// imported with the usual System ones, debug information for line numbers, and <c>#r</c> resolved against
/// the working directory, each reference resolved once (see <see cref="CachingMetadataResolver"/>).
/// </summary>
public static class ScriptSetup
{
    /// <summary>Namespaces every cell imports besides the GdNotebooks ones.</summary>
    public static IReadOnlyList<string> StandardImports { get; } =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text",
        "System.Threading", "System.Threading.Tasks",
    ];

    /// <summary>The GdNotebooks assemblies preloaded into every kernel (the library and its interactive layer).</summary>
    public static IReadOnlyList<Assembly> LibraryAssemblies { get; } =
    [
        typeof(UsageException).Assembly,
        typeof(Interactive.Commands.CommandSpec).Assembly,
    ];

    /// <summary>Parse options for cells: C# script, latest language version.</summary>
    public static CSharpParseOptions ParseOptions { get; } =
        new(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Script);

    /// <summary>Builds the script options, importing every public GdNotebooks namespace of <see cref="LibraryAssemblies"/>.</summary>
    public static ScriptOptions CreateOptions(string? baseDirectory = null)
    {
        var libraryNamespaces = LibraryAssemblies
            .SelectMany(a => a.GetExportedTypes())
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith("GdNotebooks", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal);
        var directory = baseDirectory ?? Environment.CurrentDirectory;
        return ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .AddReferences(LibraryAssemblies)
            // Microsoft.CSharp: the runtime binder behind `dynamic`, which carried variables of unnameable types use.
            .AddReferences(typeof(ScriptGlobals).Assembly, typeof(System.Text.Json.JsonSerializer).Assembly, typeof(Microsoft.CSharp.RuntimeBinder.Binder).Assembly)
            .WithImports(StandardImports.Concat(libraryNamespaces))
            .WithEmitDebugInformation(true)
            .WithAllowUnsafe(true)
            .WithMetadataResolver(new CachingMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory).WithSearchPaths(directory)))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(directory));
    }
}
