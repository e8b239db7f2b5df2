using System.Text.RegularExpressions;
using GdNotebooks.Charts;
using GdNotebooks.Cli;
using GdNotebooks.Cli.Notebooks;
using GdNotebooks.Cli.Running;
using static GdNotebooks.Tests.Running.RunScratch;

namespace GdNotebooks.Tests.Running;

/// <summary><c>gdnb run --html</c>: a page per notebook (markdown, sources, outputs, charts) and an index.</summary>
[Collection(RunnerCollection.Name)]
public sealed class HtmlReportTests : IDisposable
{
    private const string PlotlyJson = """{"data":[{"type":"scatter","y":[3,1,2],"name":"loss </script>"}],"layout":{"title":{"text":"Loss"}}}""";

    private readonly RunScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Writes_a_page_per_notebook_and_an_index_with_status_time_and_links()
    {
        _scratch.Notebook("html/01-charts.ipynb",
            NotebookCell.Markdown("# Descent\n\nSome *emphasis* and a table:\n\n| lr | loss |\n|---|---|\n| 0.1 | 2.5 |"),
            Code($"display({Lit(PlotlyJson)}, \"application/vnd.plotly.v1+json\");\ndisplay({Lit(PlotlyJson)}, \"application/vnd.plotly.v1+json\");"),
            Code("display(\"<table class=\\\"result\\\"><tr><td>7</td></tr></table>\", \"text/html\");\nConsole.WriteLine(\"x < y\");\n40 + 2"));
        _scratch.Notebook("html/02-broken.ipynb", Code("throw new Exception(\"boom\");"));

        var (exit, _, stderr) = _scratch.Run(_scratch.File("html"), "--html");

        Assert.Equal(Gdnb.Failed, exit);
        Assert.Matches("HTML pages (inline plotly.js|load plotly.js from https://)", stderr);
        string page = File.ReadAllText(Path.Combine(_scratch.Out, "01-charts.html"));
        Assert.Contains("<h1 id=\"descent\">Descent</h1>", page);
        Assert.Contains("<em>emphasis</em>", page);
        Assert.Contains("<th>lr</th>", page);
        Assert.Equal(2, Regex.Matches(page, "<div class=\"gdnb-plotly\" id=\"plotly-chart-\\d\"").Count);
        Assert.Equal(2, Regex.Matches(page, "Plotly.newPlot\\(\"plotly-chart-\\d\"").Count);
        Assert.DoesNotContain("loss </script>", page);
        Assert.Contains("<table class=\"result\"><tr><td>7</td></tr></table>", page);
        Assert.Contains("x &lt; y", page);
        Assert.Contains("Out[2]:", page);
        Assert.Contains("display(&quot;&lt;table", page);
        Assert.Contains("<a href=\"01-charts.ipynb\">", page);
        Assert.Single(Regex.Matches(page, "plotly.js \\(MIT licence\\)|src=\"https://cdn.plot.ly/"));

        string broken = File.ReadAllText(Path.Combine(_scratch.Out, "02-broken.html"));
        Assert.Contains("boom", broken);
        Assert.DoesNotContain("Plotly", broken);

        string index = File.ReadAllText(Path.Combine(_scratch.Out, HtmlReport.IndexFileName));
        Assert.Contains("<a href=\"01-charts.html\">01-charts</a>", index);
        Assert.Contains("<a href=\"02-broken.html\">02-broken</a>", index);
        Assert.Contains("<a href=\"01-charts.ipynb\">01-charts.ipynb</a>", index);
        Assert.Matches("<tr class=\"ok\"><td>.*01-charts.*</td><td>ok</td><td>[0-9.]+ s</td><td>2/2</td>", index);
        Assert.Matches("<tr class=\"failed\"><td>.*02-broken.*</td><td>failed</td>.*cell 1: Exception: boom", index);
        Assert.Contains("2 notebooks: 1 ok, 1 failed", index);
    }

    [Fact]
    public void Inlines_a_local_plotly_js_once_per_page_and_only_where_there_are_charts()
    {
        string library = _scratch.File("plotly.min.js");
        File.WriteAllText(library, "window.Plotly = { newPlot: function () {} }; /* </script> inside */");
        var report = new HtmlReport(PlotlySource.Inline(library));
        var notebook = Notebook.New();
        var cell = NotebookCell.Code("chart");
        cell.ExecutionCount = 1;
        for (int i = 0; i < 3; i++)
            cell.Outputs.Add(new DisplayDataOutput(GdNotebooks.Cli.Notebooks.MimeBundle.FromStrings([new("application/vnd.plotly.v1+json", PlotlyJson), new("text/plain", "Figure")])));
        notebook.Cells.Add(cell);
        var result = new NotebookRunResult("charts.ipynb", "out/charts.ipynb", NotebookStatus.Ok, TimeSpan.FromSeconds(1.5), 1, 1);

        string page = report.NotebookPage(notebook, result, "charts.ipynb");

        Assert.Single(Regex.Matches(page, "window.Plotly = "));
        Assert.Contains(@"<\/script> inside", page);
        Assert.DoesNotContain("cdn.plot.ly", page);
        Assert.Equal(3, Regex.Matches(page, "<div class=\"gdnb-plotly\"").Count);
        Assert.True(page.IndexOf("window.Plotly = ", StringComparison.Ordinal) < page.IndexOf("Plotly.newPlot", StringComparison.Ordinal));

        string cdnPage = new HtmlReport(PlotlySource.Cdn()).NotebookPage(notebook, result, "charts.ipynb");
        Assert.Single(Regex.Matches(cdnPage, Regex.Escape(PlotlySource.DefaultCdnUrl)));
        string noCharts = report.NotebookPage(Notebook.New(), result, "charts.ipynb");
        Assert.DoesNotContain("window.Plotly = ", noCharts);
    }

    [Fact]
    public void Math_in_markdown_is_kept_intact_and_typeset_by_katex_only_on_pages_that_have_some()
    {
        var notebook = Notebook.New();
        notebook.Cells.Add(NotebookCell.Markdown("The update $w_{k+1} = w_k - \\alpha \\nabla f(w_k)$ and\n\n$$f(w) = \\tfrac{1}{2} a w^2$$"));
        var result = new NotebookRunResult("math.ipynb", "out/math.ipynb", NotebookStatus.Ok, TimeSpan.FromSeconds(1), 0, 0);

        string page = new HtmlReport(PlotlySource.Cdn(), KatexSource.Cdn()).NotebookPage(notebook, result, "math.ipynb");

        // The underscores stay TeX (not <em>), wrapped in the delimiters the render call looks for.
        Assert.Contains(@"\(w_{k+1} = w_k - \alpha \nabla f(w_k)\)", page);
        Assert.Contains(@"\[", page);
        Assert.DoesNotContain("<em>", page);
        Assert.Single(Regex.Matches(page, Regex.Escape($"katex@{KatexSource.Version}/dist/katex.min.js")));
        Assert.Contains("renderMathInElement(document.body", page);

        string plain = new HtmlReport(PlotlySource.Cdn(), KatexSource.Cdn()).NotebookPage(Notebook.New(), result, "math.ipynb");
        Assert.DoesNotContain("katex", plain);
    }

    [Fact]
    public void A_local_katex_is_inlined_with_its_fonts_as_data_uris()
    {
        string dist = _scratch.File("katex-dist");
        Directory.CreateDirectory(Path.Combine(dist, "fonts"));
        Directory.CreateDirectory(Path.Combine(dist, "contrib"));
        File.WriteAllText(Path.Combine(dist, "katex.min.js"), "window.katex = {}; /* </script> */");
        File.WriteAllText(Path.Combine(dist, "contrib", "auto-render.min.js"), "window.renderMathInElement = function () {};");
        File.WriteAllText(Path.Combine(dist, "katex.min.css"),
            "@font-face{font-family:KaTeX_Main;src:url(fonts/KaTeX_Main-Regular.woff2) format(\"woff2\"),url(fonts/KaTeX_Main-Regular.woff) format(\"woff\"),url(fonts/KaTeX_Main-Regular.ttf) format(\"truetype\")}.katex{font:normal 1.21em KaTeX_Main}");
        File.WriteAllBytes(Path.Combine(dist, "fonts", "KaTeX_Main-Regular.woff2"), [1, 2, 3]);
        var notebook = Notebook.New();
        notebook.Cells.Add(NotebookCell.Markdown("$x^2$"));
        var result = new NotebookRunResult("math.ipynb", "out/math.ipynb", NotebookStatus.Ok, TimeSpan.FromSeconds(1), 0, 0);

        string page = new HtmlReport(PlotlySource.Cdn(), KatexSource.Inline(dist)).NotebookPage(notebook, result, "math.ipynb");

        Assert.Contains("src:url(data:font/woff2;base64,AQID) format(\"woff2\")}", page);
        Assert.DoesNotContain("fonts/KaTeX", page);
        Assert.Contains("window.katex = {}; /* <\\/script> */", page);
        Assert.DoesNotContain("cdn.jsdelivr", page);
        Assert.Throws<UsageException>(() => KatexSource.Inline(_scratch.File("nowhere")));
    }

    private static string Lit(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}
