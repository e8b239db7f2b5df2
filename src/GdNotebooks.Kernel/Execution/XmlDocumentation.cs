using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// Finds the XML doc summary of a symbol: from the symbol itself when Roslyn has it, else by documentation id
/// in the <c>.xml</c> file beside its assembly, else in the .NET reference pack (where the runtime's docs live).
/// Files are read once, lazily.
/// </summary>
internal sealed partial class XmlDocumentation
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _files = new(StringComparer.Ordinal);
    private readonly Lazy<string?> _referencePack = new(FindReferencePack);

    /// <summary>The summary text, whitespace collapsed and cross-references reduced to their names; null if none.</summary>
    public string? Summary(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml();
        if (!string.IsNullOrWhiteSpace(xml)) return SummaryOf(xml);
        var id = symbol.OriginalDefinition.GetDocumentationCommentId();
        if (id is null) return null;
        foreach (var file in CandidateFiles(symbol))
            if (Load(file).TryGetValue(id, out var summary)) return summary;
        return null;
    }

    private IEnumerable<string> CandidateFiles(ISymbol symbol)
    {
        var assemblyName = symbol.ContainingAssembly?.Name;
        if (assemblyName is null) yield break;
        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && a.GetName().Name == assemblyName && a.Location.Length > 0);
        if (loaded is not null) yield return Path.ChangeExtension(loaded.Location, ".xml");
        if (_referencePack.Value is not { } pack) yield break;
        yield return Path.Combine(pack, assemblyName + ".xml");
        // Runtime types live in System.Private.CoreLib but are documented under their reference assemblies.
        var ns = symbol.ContainingNamespace?.ToDisplayString() ?? "";
        if (ns.Length > 0) yield return Path.Combine(pack, ns + ".xml");
        yield return Path.Combine(pack, "System.Runtime.xml");
        yield return Path.Combine(pack, "System.Linq.xml");
        yield return Path.Combine(pack, "System.Collections.xml");
        yield return Path.Combine(pack, "System.Console.xml");
    }

    private IReadOnlyDictionary<string, string> Load(string path) => _files.GetOrAdd(path, static p =>
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(p)) return members;
        try
        {
            using var reader = XmlReader.Create(p, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            while (reader.ReadToFollowing("member"))
            {
                var name = reader.GetAttribute("name");
                if (name is null) continue;
                var element = (XElement)XNode.ReadFrom(reader);
                if (element.Element("summary") is { } summary) members[name] = Clean(summary);
            }
        }
        catch (XmlException e) { KernelLog.Debug($"unreadable documentation file {p}: {e.Message}"); }
        return members;
    });

    private static string? SummaryOf(string xml)
    {
        try
        {
            var summary = XElement.Parse(xml).Element("summary");
            return summary is null ? null : Clean(summary);
        }
        catch (XmlException) { return null; }
    }

    private static string Clean(XElement summary)
    {
        foreach (var reference in summary.Descendants().Where(e => e.Name == "see" || e.Name == "paramref" || e.Name == "typeparamref").ToList())
        {
            var target = (string?)reference.Attribute("cref") ?? (string?)reference.Attribute("name") ?? (string?)reference.Attribute("langword") ?? "";
            var colon = target.IndexOf(':');
            if (colon >= 0) target = target[(colon + 1)..];
            reference.ReplaceWith(target.Split('(')[0].Split('.').Last());
        }
        return Whitespace().Replace(summary.Value, " ").Trim();
    }

    private static string? FindReferencePack()
    {
        // .../dotnet/shared/Microsoft.NETCore.App/10.0.x/System.Private.CoreLib.dll → .../dotnet/packs/Microsoft.NETCore.App.Ref/10.0.x/ref/net10.0
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtimeDirectory is null) return null;
        var root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs)) return null;
        var major = $"net{Environment.Version.Major}.0";
        return Directory.GetDirectories(packs)
            .Select(v => Path.Combine(v, "ref", major))
            .Where(Directory.Exists)
            .OrderByDescending(p => p, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
