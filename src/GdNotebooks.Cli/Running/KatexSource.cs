using System.Text.RegularExpressions;

namespace GdNotebooks.Cli.Running;

/// <summary>
/// Where report pages get KaTeX, which typesets the <c>$…$</c> and <c>$$…$$</c> math of markdown cells (Jupyter does
/// this with MathJax; without a renderer the TeX would show raw). Like <see cref="Charts.PlotlySource"/>: the npm
/// package <c>katex</c> (installed by <c>npm ci</c>), found in a <c>node_modules</c> folder above the current directory
/// or the application's folder, is inlined — script, stylesheet and its woff2 fonts as data URIs — so pages work
/// offline; without it the pages load the pinned version from the jsDelivr CDN.
/// </summary>
public sealed partial class KatexSource
{
    /// <summary>The KaTeX version the npm package is pinned to and the CDN serves.</summary>
    public const string Version = "0.16.22";

    private const string CdnBase = "https://cdn.jsdelivr.net/npm/katex@" + Version + "/dist/";

    // Markdig's math extension writes inline math as \( … \) and display math as \[ … \].
    private const string RenderCall = """
        <script type="text/javascript">
        document.addEventListener("DOMContentLoaded", function () {
          renderMathInElement(document.body, {
            delimiters: [{ left: "\\(", right: "\\)", display: false }, { left: "\\[", right: "\\]", display: true }],
            throwOnError: false
          });
        });
        </script>

        """;

    private readonly Lazy<string> _head;

    // distDirectory: the local katex/dist folder to inline, or null for the CDN.
    private KatexSource(string? distDirectory) =>
        _head = new(() => distDirectory is null ? CdnHead() : InlineHead(distDirectory));

    /// <summary>The npm copy if one is found, else the CDN.</summary>
    public static KatexSource Resolve() => new(FindNpmCopy());

    /// <summary>Always the CDN (small pages that need the network).</summary>
    public static KatexSource Cdn() => new(null);

    /// <summary>Inline the KaTeX build in <paramref name="distDirectory"/> (a copy of the npm package's <c>dist</c> folder).</summary>
    public static KatexSource Inline(string distDirectory)
    {
        string full = Path.GetFullPath(distDirectory);
        if (!File.Exists(Path.Combine(full, "katex.min.js")))
            throw new UsageException($"'{distDirectory}' is not a KaTeX dist folder: it has no katex.min.js");
        return new(full);
    }

    /// <summary>The tags that load KaTeX and typeset the page, for its head.</summary>
    public string HeadHtml => _head.Value;

    private static string? FindNpmCopy() =>
        Charts.NpmCopy.Find(Path.Combine("katex", "dist", "contrib", "auto-render.min.js")) is { } autoRender
            ? Path.GetDirectoryName(Path.GetDirectoryName(autoRender)) : null;

    private static string CdnHead() =>
        $"""
        <link rel="stylesheet" href="{CdnBase}katex.min.css">
        <script type="text/javascript" src="{CdnBase}katex.min.js"></script>
        <script type="text/javascript" src="{CdnBase}contrib/auto-render.min.js"></script>
        {RenderCall}
        """;

    private static string InlineHead(string dist)
    {
        // Every browser that runs the report reads woff2, so each font keeps only that source, as a data URI.
        string css = FontSources().Replace(File.ReadAllText(Path.Combine(dist, "katex.min.css")), match =>
        {
            byte[] font = File.ReadAllBytes(Path.Combine(dist, "fonts", match.Groups["name"].Value + ".woff2"));
            return $"src:url(data:font/woff2;base64,{Convert.ToBase64String(font)}) format(\"woff2\")";
        });
        return $"<style>/* KaTeX {Version} (MIT licence) */\n{css}\n</style>\n"
               + Script(Path.Combine(dist, "katex.min.js")) + Script(Path.Combine(dist, "contrib", "auto-render.min.js")) + RenderCall;
    }

    private static string Script(string path) => HtmlReport.InlineScript(path, $"{Path.GetFileName(path)}, KaTeX {Version} (MIT licence)");

    /// <summary>A font's whole <c>src:</c> list (woff2, woff and truetype URLs), capturing the font's file name.</summary>
    [GeneratedRegex(@"src:url\(fonts/(?<name>[A-Za-z0-9_-]+)\.woff2\) format\(""woff2""\)(,url\([^)]*\) format\(""[a-z]+""\))*")]
    private static partial Regex FontSources();
}
