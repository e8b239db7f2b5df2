using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GdNotebooks.Charts;

namespace GdNotebooks.Tests.Charts.Browser;

/// <summary>
/// Writes one page per sample figure (plotly.js inlined from the npm copy) plus pages for the two loading paths
/// (a plain script tag, and require.js as in classic Notebook 6), opens them all in one headless Chromium run
/// without network (render-check.mjs), and keeps the report. Built on first use, once per test run.
/// </summary>
internal static class RenderedPages
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Reports = new(Render);

    public static IEnumerable<string> PageNames =>
        SampleFigures.All().Keys.Concat(["script-tag", "requirejs", "requirejs-inline", "report-with-math"]);

    /// <summary>The report for page <paramref name="name"/>: { errors, plots[], visibleAfterSlider, math }.</summary>
    public static JsonElement Report(string name) => Reports.Value[name];

    private static IReadOnlyDictionary<string, JsonElement> Render()
    {
        if (BrowserEnvironment.MissingReason is { } missing) throw new InvalidOperationException(missing);
        string folder = Path.Combine(Path.GetTempPath(), "gdnb-charts-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var pages = new Dictionary<string, string>();
        var inline = PlotlySource.Inline(BrowserEnvironment.PlotlyJs);
        foreach (var (name, figure) in SampleFigures.All())
            figure.WriteHtml(pages[name] = Path.Combine(folder, name + ".html"), inline);

        // The loading paths, with plotly.js fetched from a file URL standing in for the CDN.
        var local = PlotlySource.Cdn(new Uri(BrowserEnvironment.PlotlyJs).AbsoluteUri);
        string requireTag = $"<script src=\"{new Uri(BrowserEnvironment.RequireJs).AbsoluteUri}\"></script>\n";
        string two = SampleFigures.ScatterLogWithVerticalLine().ToHtmlFragment("first", local)
                   + SampleFigures.Bar().ToHtmlFragment("second", local);
        Write(pages, folder, "script-tag", PlotlyHtml.Page(two, "script tag"));
        Write(pages, folder, "requirejs", PlotlyHtml.Page(requireTag + two, "require.js"));
        Write(pages, folder, "requirejs-inline",
            PlotlyHtml.Page(requireTag + SampleFigures.ContourWithTrajectory().ToHtmlFragment("inline", inline), "require.js, inlined"));

        Write(pages, folder, "report-with-math", ReportWithMath(inline));

        string json = RunNode(pages.Values);
        using var document = JsonDocument.Parse(json);
        var byPath = document.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("page").GetString()!, r => r.Clone());
        // GDNB_KEEP_CHART_PAGES=1 keeps the pages for a look in a browser.
        if (Environment.GetEnvironmentVariable("GDNB_KEEP_CHART_PAGES") != "1") Directory.Delete(folder, recursive: true);
        else Console.Error.WriteLine($"chart pages kept in {folder}");
        return pages.ToDictionary(p => p.Key, p => byPath[p.Value]);
    }

    /// <summary>A <c>gdnb run --html</c> page with TeX in markdown (KaTeX inlined from the npm copy) and a chart.</summary>
    private static string ReportWithMath(PlotlySource plotly)
    {
        var notebook = GdNotebooks.Cli.Notebooks.Notebook.New();
        notebook.Cells.Add(GdNotebooks.Cli.Notebooks.NotebookCell.Markdown(
            "The update $w_{k+1} = w_k - \\alpha \\nabla f(w_k)$ is stable for $\\alpha < 2/L$:\n\n$$f(w) = \\tfrac{1}{2} \\sum_i a_i w_i^2$$"));
        var cell = GdNotebooks.Cli.Notebooks.NotebookCell.Code("chart");
        cell.Outputs.Add(new GdNotebooks.Cli.Notebooks.DisplayDataOutput(GdNotebooks.Cli.Notebooks.MimeBundle.FromStrings(
            [new("application/vnd.plotly.v1+json", SampleFigures.Bar().ToJson()), new("text/plain", "Figure")])));
        notebook.Cells.Add(cell);
        var result = new GdNotebooks.Cli.Running.NotebookRunResult("math.ipynb", "math.ipynb", GdNotebooks.Cli.Running.NotebookStatus.Ok, TimeSpan.FromSeconds(1), 1, 1);
        var report = new GdNotebooks.Cli.Running.HtmlReport(plotly, GdNotebooks.Cli.Running.KatexSource.Inline(BrowserEnvironment.KatexDist));
        return report.NotebookPage(notebook, result, "math.ipynb");
    }

    private static void Write(Dictionary<string, string> pages, string folder, string name, string html) =>
        GdNotebooks.IO.AtomicFile.WriteAllText(pages[name] = Path.Combine(folder, name + ".html"), html);

    internal static string RunNode(IEnumerable<string> pages)
    {
        var start = new ProcessStartInfo(BrowserEnvironment.Node!)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = BrowserEnvironment.RepositoryRoot,
        };
        start.ArgumentList.Add(BrowserEnvironment.Script);
        start.ArgumentList.Add(BrowserEnvironment.Chromium);
        foreach (string page in pages) start.ArgumentList.Add(page);
        using var process = Process.Start(start)!;
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"render-check.mjs did not finish in 3 minutes; stderr:\n{stderr}");
        }
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"render-check.mjs exited with {process.ExitCode}; stderr:\n{stderr}");
        return stdout.Result;
    }
}
