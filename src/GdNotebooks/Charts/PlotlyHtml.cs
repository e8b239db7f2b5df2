using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GdNotebooks.Charts;

/// <summary>
/// Writes the HTML that draws a figure: a div and a script. The script draws with <c>window.Plotly</c> when it is
/// there; otherwise, where an AMD loader (require.js, classic Notebook 6) owns <c>define</c>, it loads plotly.js as the
/// module 'plotly' through <c>requirejs.config</c>; elsewhere (Notebook 7, JupyterLab, VS Code, a plain page) it adds one
/// script tag per page, shared by every figure on it. An inlined copy is wrapped so that it always sets
/// <c>window.Plotly</c>, with or without require.js.
/// </summary>
internal static partial class PlotlyHtml
{
    public static string Fragment(string figureJson, string divId, PlotlySource source, double height)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture,
            $"<div id=\"{divId}\" class=\"gdnb-plotly\" style=\"width:100%;height:{height}px;\"></div>\n");
        if (source.Kind == PlotlySourceKind.Inline) AppendInlineLibrary(html, source.Location);
        string url = source.Kind == PlotlySourceKind.Cdn ? Js(source.Location) : "null";
        html.Append($$"""
            <script type="text/javascript">
            (function () {
              var id = {{Js(divId)}};
              var url = {{url}};
              var figure = {{figureJson}};
              function draw(Plotly) {
                var el = document.getElementById(id);
                if (el) Plotly.newPlot(el, figure.data, figure.layout, { responsive: true });
              }
              function fail(error) {
                var el = document.getElementById(id);
                if (el) el.textContent = "Could not load plotly.js" + (url ? " from " + url : "") + ": " + error;
              }
              if (window.Plotly) { draw(window.Plotly); return; }
              if (!url) { fail("the inlined copy did not define Plotly"); return; }
              if (typeof window.requirejs === "function" && typeof window.define === "function" && window.define.amd) {
                // Classic Notebook 6: require.js owns anonymous define() calls, so plotly.js must come as the AMD module 'plotly'.
                window.requirejs.config({ paths: { plotly: url.replace(/\.js$/, "") } });
                window.requirejs(["plotly"], draw, fail);
                return;
              }
              // Notebook 7, JupyterLab, VS Code, a plain page: one script tag per page, shared by every figure.
              var loading = window.__gdnbPlotlyLoading;
              if (!loading) {
                loading = window.__gdnbPlotlyLoading = new Promise(function (resolve, reject) {
                  var script = document.createElement("script");
                  script.src = url;
                  script.onload = function () {
                    if (window.Plotly) resolve(window.Plotly); else reject(new Error("the script did not define Plotly"));
                  };
                  script.onerror = function () {
                    window.__gdnbPlotlyLoading = undefined;
                    reject(new Error("the script did not load"));
                  };
                  document.head.appendChild(script);
                });
              }
              loading.then(draw, fail);
            })();
            </script>

            """);
        return html.ToString();
    }

    public static string Page(string fragment, string title) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{WebUtility.HtmlEncode(title)}}</title>
        <style>body { margin: 0; padding: 8px; font-family: sans-serif; }</style>
        </head>
        <body>
        {{fragment}}</body>
        </html>

        """;

    /// <summary>A fresh div id, "gdnb-" and 12 hex digits.</summary>
    public static string NewDivId() => "gdnb-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Checks a caller's div id: a letter, then letters, digits, '-' or '_'.</summary>
    public static string CheckDivId(string divId) =>
        DivId().IsMatch(divId) ? divId
            : throw new UsageException($"div id '{divId}' is not valid; use a letter followed by letters, digits, '-' or '_'");

    /// <summary>
    /// Copies the library into a script that runs only when Plotly is not loaded yet. The wrapper hides
    /// <c>define</c>, <c>module</c> and <c>exports</c> from the library's UMD header, so it sets <c>window.Plotly</c>
    /// instead of registering an anonymous AMD module (which require.js would reject).
    /// </summary>
    private static void AppendInlineLibrary(StringBuilder html, string path)
    {
        string library = ScriptEnd().Replace(File.ReadAllText(path), @"<\/script");
        html.Append("<script type=\"text/javascript\">\nif (!window.Plotly) {\n");
        html.Append($"/* plotly.js inlined from {Path.GetFileName(Path.GetDirectoryName(path))}/{Path.GetFileName(path)} (MIT licence) */\n");
        html.Append("(function (define, module, exports) {\n").Append(library).Append("\n}).call(window);\n}\n</script>\n");
    }

    /// <summary>A JavaScript string literal (JSON-escaped, with HTML-sensitive characters escaped too).</summary>
    private static string Js(string text) => JsonSerializer.Serialize(text);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex DivId();

    [GeneratedRegex("</script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptEnd();
}
