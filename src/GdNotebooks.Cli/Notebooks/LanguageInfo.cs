namespace GdNotebooks.Cli.Notebooks;

/// <summary>The notebook's <c>metadata.language_info</c>; nbformat requires only <c>name</c>.</summary>
public sealed record LanguageInfo(string Name, string? FileExtension = null, string? Mimetype = null, string? PygmentsLexer = null)
{
    /// <summary>C# as the GdNotebooks kernel reports it: csharp, .cs, text/x-csharp, pygments lexer csharp.</summary>
    public static LanguageInfo CSharp { get; } = new("csharp", ".cs", "text/x-csharp", "csharp");
}
