using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GdNotebooks.Charts;
using GdNotebooks.Cli.Notebooks;
using Markdig;
using NotebookMimeBundle = GdNotebooks.Cli.Notebooks.MimeBundle;

namespace GdNotebooks.Cli.Running;

/// <summary>
/// The HTML of <c>gdnb run --html</c>: one self-contained page per executed notebook and an index page linking them.
/// </summary>
/// <remarks>
/// A notebook page shows markdown cells rendered by Markdig (with its advanced extensions: tables, task lists…), code
/// cells with their source and execution count, and their outputs: streams and errors as text (ANSI colours removed),
/// and of each display the richest form it has, in this order: a Plotly figure
/// (<c>application/vnd.plotly.v1+json</c>, drawn with <c>Plotly.newPlot</c> in a div of its own), <c>text/html</c>
/// (tables), SVG, PNG/JPEG images, <c>text/markdown</c>, JSON, <c>text/plain</c>. plotly.js is loaded once per page, and
/// only on pages with a chart: inlined from <see cref="PlotlySource"/> when it is a local file (the page then works
/// offline), else a script tag for the CDN. Math in markdown (<c>$…$</c>, <c>$$…$$</c>) is typeset by KaTeX, loaded
/// the same way (<see cref="KatexSource"/>) and only on pages with math.
/// </remarks>
public sealed partial class HtmlReport
{
    /// <summary>The file name of the index page.</summary>
    public const string IndexFileName = "index.html";

    private const string PlotlyMime = "application/vnd.plotly.v1+json";

    // What Markdig's math extension (part of the advanced extensions) puts around $…$ and $$…$$.
    private const string MathMarker = "class=\"math\"";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static readonly string[] RichMimeOrder =
        ["text/html", "image/svg+xml", "image/png", "image/jpeg", "text/markdown", "application/json", "text/plain"];

    private readonly PlotlySource _plotly;
    private readonly KatexSource _katex;
    private readonly Lazy<string> _plotlyScript;

    /// <summary>A report loading plotly.js from <paramref name="plotly"/> and KaTeX from <paramref name="katex"/> (default: <see cref="KatexSource.Resolve"/>).</summary>
    public HtmlReport(PlotlySource plotly, KatexSource? katex = null)
    {
        _plotly = plotly;
        _katex = katex ?? KatexSource.Resolve();
        _plotlyScript = new(() => plotly.Kind == PlotlySourceKind.Inline
            ? InlineScript(plotly.Location, $"plotly.js (MIT licence), inlined from {Encode(Path.GetFileName(plotly.Location))}")
            : $"<script type=\"text/javascript\" charset=\"utf-8\" src=\"{Encode(plotly.Location)}\"></script>\n");
    }

    /// <summary>Where plotly.js comes from.</summary>
    public PlotlySource Plotly => _plotly;

    /// <summary>The page of one executed notebook; <paramref name="notebookHref"/> links the .ipynb, relative to the page.</summary>
    public string NotebookPage(Notebook notebook, NotebookRunResult result, string notebookHref)
    {
        var body = new StringBuilder();
        int chartNumber = 0;
        body.Append(CultureInfo.InvariantCulture, $"""
            <nav><a href="{IndexFileName}">all notebooks</a> · <a href="{Encode(notebookHref)}">{Encode(Path.GetFileName(result.OutputPath))}</a></nav>
            <h1 class="title">{Encode(result.Name)}</h1>
            <p class="run {StatusClass(result.Status)}">{StatusText(result.Status)} in {Seconds(result.Duration)} s · {result.CellsRun}/{result.CodeCellCount} code cells run</p>

            """);
        if (notebook.Metadata[RunMetadata.Key]?["parameters"] is JsonObject parameters && parameters.Count > 0)
            body.Append("<p class=\"parameters\">parameters: <code>").Append(Encode(parameters.ToJsonString())).Append("</code></p>\n");
        if (result.Failure is { } failure)
            body.Append("<pre class=\"failure\">").Append(Encode(failure.Describe(result.Name))).Append("</pre>\n");

        foreach (var cell in notebook.Cells)
        {
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    body.Append("<div class=\"cell markdown\">\n").Append(Markdig.Markdown.ToHtml(cell.Source, Pipeline)).Append("</div>\n");
                    break;
                case CellKind.Raw:
                    body.Append("<div class=\"cell raw\"><pre>").Append(Encode(cell.Source)).Append("</pre></div>\n");
                    break;
                default:
                    AppendCodeCell(body, cell, ref chartNumber);
                    break;
            }
        }
        string html = body.ToString();
        return Page(result.Name, html, chartNumber > 0, withMath: html.Contains(MathMarker, StringComparison.Ordinal));
    }

    /// <summary>The index: one row per notebook with its page, executed notebook, status, time and failing cell.</summary>
    public string IndexPage(IReadOnlyList<NotebookRunResult> results, string outDirectory)
    {
        var body = new StringBuilder();
        int failed = results.Count(r => r.Failed), ok = results.Count(r => r.Status == NotebookStatus.Ok);
        body.Append("<h1 class=\"title\">Notebook run</h1>\n");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"run\">{results.Count} notebook{(results.Count == 1 ? "" : "s")}: {ok} ok, {failed} failed");
        int other = results.Count - ok - failed;
        if (other > 0) body.Append(CultureInfo.InvariantCulture, $", {other} not run or interrupted");
        body.Append("</p>\n<table class=\"index\">\n<thead><tr><th>notebook</th><th>status</th><th>time</th><th>cells</th><th>notes</th></tr></thead>\n<tbody>\n");
        foreach (var result in results)
        {
            string link = result.HtmlPath is { } html
                ? $"<a href=\"{Encode(Href(outDirectory, html))}\">{Encode(result.Name)}</a>"
                : Encode(result.Name);
            string notebookLink = result.Status == NotebookStatus.NotRun
                ? ""
                : $" (<a href=\"{Encode(Href(outDirectory, result.OutputPath))}\">{Encode(Path.GetFileName(result.OutputPath))}</a>)";
            string notes = result.Failure is { } f ? $"cell {f.Number}: {f.ErrorName}: {FirstLine(f.Message)}" : "";
            string time = result.Status == NotebookStatus.NotRun ? "" : Seconds(result.Duration) + " s";
            body.Append(CultureInfo.InvariantCulture,
                $"<tr class=\"{StatusClass(result.Status)}\"><td>{link}{notebookLink}</td><td>{StatusText(result.Status)}</td><td>{time}</td><td>{result.CellsRun}/{result.CodeCellCount}</td><td>{Encode(notes)}</td></tr>\n");
        }
        body.Append("</tbody>\n</table>\n");
        return Page("Notebook run", body.ToString(), withPlotly: false, withMath: false);
    }

    private void AppendCodeCell(StringBuilder body, NotebookCell cell, ref int chartNumber)
    {
        string count = cell.ExecutionCount?.ToString(CultureInfo.InvariantCulture) ?? " ";
        body.Append("<div class=\"cell code\">\n");
        body.Append(CultureInfo.InvariantCulture, $"<div class=\"input\"><span class=\"prompt\">In [{count}]:</span><pre class=\"source\"><code class=\"language-csharp\">{Encode(cell.Source)}</code></pre></div>\n");
        foreach (var output in cell.Outputs)
        {
            switch (output)
            {
                case StreamOutput stream:
                    body.Append("<pre class=\"output stream ").Append(stream.Name == "stderr" ? "stderr" : "stdout").Append("\">")
                        .Append(Encode(StripAnsi(stream.Text))).Append("</pre>\n");
                    break;
                case ErrorOutput error:
                    var text = error.Traceback.Count > 0 ? string.Join("\n", error.Traceback) : $"{error.Name}: {error.Value}";
                    body.Append("<pre class=\"output error\">").Append(Encode(StripAnsi(text))).Append("</pre>\n");
                    break;
                case ExecuteResultOutput result:
                    string outCount = result.ExecutionCount?.ToString(CultureInfo.InvariantCulture) ?? " ";
                    body.Append(CultureInfo.InvariantCulture, $"<div class=\"output result\"><span class=\"prompt\">Out[{outCount}]:</span>");
                    AppendBundle(body, result.Data, ref chartNumber);
                    body.Append("</div>\n");
                    break;
                case DisplayDataOutput display:
                    body.Append("<div class=\"output display\">");
                    AppendBundle(body, display.Data, ref chartNumber);
                    body.Append("</div>\n");
                    break;
            }
        }
        body.Append("</div>\n");
    }

    private static void AppendBundle(StringBuilder body, JsonObject data, ref int chartNumber)
    {
        if (data[PlotlyMime] is JsonObject figure)
        {
            string id = "plotly-chart-" + (++chartNumber).ToString(CultureInfo.InvariantCulture);
            double height = figure["layout"]?["height"] is JsonValue h && h.TryGetValue<double>(out double px) ? px : 450;
            // JsonNode writes <, > and & as \u escapes, so the JSON cannot end the script element.
            body.Append(CultureInfo.InvariantCulture, $"<div class=\"gdnb-plotly\" id=\"{id}\" style=\"width:100%;height:{height}px\"></div>\n");
            body.Append(CultureInfo.InvariantCulture, $$"""
                <script type="text/javascript">
                (function () {
                  var figure = {{figure.ToJsonString()}};
                  Plotly.newPlot("{{id}}", figure.data || [], figure.layout || {}, figure.config || { responsive: true });
                })();
                </script>

                """);
            return;
        }
        string? mime = RichMimeOrder.FirstOrDefault(data.ContainsKey);
        if (mime is null) return;
        string text = NotebookMimeBundle.Text(data, mime) ?? data[mime]!.ToJsonString();
        switch (mime)
        {
            case "text/html":
            case "image/svg+xml":
                body.Append(text);
                break;
            case "image/png":
            case "image/jpeg":
                body.Append(CultureInfo.InvariantCulture, $"<img alt=\"output\" src=\"data:{mime};base64,{Encode(text.Replace("\n", ""))}\">");
                break;
            case "text/markdown":
                body.Append(Markdig.Markdown.ToHtml(text, Pipeline));
                break;
            default:
                body.Append("<pre>").Append(Encode(StripAnsi(text))).Append("</pre>");
                break;
        }
    }

    private string Page(string title, string body, bool withPlotly, bool withMath) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="gdnb run">
        <title>{Encode(title)}</title>
        <style>
        {Style}
        </style>
        {(withPlotly ? _plotlyScript.Value : "")}{(withMath ? _katex.HeadHtml : "")}</head>
        <body>
        {body}</body>
        </html>

        """;

    private const string Style = """
        body { max-width: 980px; margin: 0 auto; padding: 16px; font-family: system-ui, sans-serif; line-height: 1.45; color: #1d1d1f; }
        pre, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
        pre { margin: 0; padding: 6px 8px; overflow-x: auto; white-space: pre-wrap; }
        .cell { margin: 12px 0; }
        .input { display: flex; gap: 8px; }
        .prompt { color: #303f9f; font-family: monospace; font-size: 12px; min-width: 64px; padding-top: 6px; }
        .source { flex: 1; background: #f5f5f5; border: 1px solid #e0e0e0; border-radius: 3px; }
        .output { margin: 4px 0 4px 72px; overflow-x: auto; }
        .result { display: flex; gap: 8px; margin-left: 0; }
        .result .prompt { color: #d84315; }
        .stderr { background: #fff5f5; }
        .error, .failure { background: #fdecea; color: #8a1c1c; }
        table { border-collapse: collapse; } th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; }
        .run.ok, tr.ok td:nth-child(2) { color: #2e7d32; } .run.failed, tr.failed td:nth-child(2) { color: #c62828; font-weight: bold; }
        nav { font-size: 13px; }
        """;

    /// <summary>A script element holding the file at <paramref name="path"/>, escaped so its text cannot end the element.</summary>
    internal static string InlineScript(string path, string comment) =>
        $"<script type=\"text/javascript\">/* {comment} */\n" + ScriptEnd().Replace(File.ReadAllText(path), @"<\/script") + "\n</script>\n";

    private static string Href(string fromDirectory, string path) =>
        Path.GetRelativePath(Path.GetFullPath(fromDirectory), Path.GetFullPath(path)).Replace('\\', '/');

    private static string StatusClass(NotebookStatus status) => status switch
    {
        NotebookStatus.Ok => "ok",
        NotebookStatus.Failed => "failed",
        NotebookStatus.Interrupted => "interrupted",
        _ => "not-run",
    };

    private static string StatusText(NotebookStatus status) => status switch
    {
        NotebookStatus.Ok => "ok",
        NotebookStatus.Failed => "failed",
        NotebookStatus.Interrupted => "interrupted",
        _ => "not run",
    };

    private static string FirstLine(string text) => text.Split('\n')[0];

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0#", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string StripAnsi(string text) => AnsiEscape().Replace(text, "");

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    [GeneratedRegex("</script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptEnd();
}
