using System.Text.RegularExpressions;
using GdNotebooks.Charts;

namespace GdNotebooks.Tests.Charts;

public sealed class HtmlTests
{
    private static readonly Figure Small = new Figure().Add(new ScatterTrace { Y = new[] { 1.0, 2 } }).WithTitle("small");

    [Fact]
    public void Fragment_has_a_require_js_path_and_a_plain_script_tag_path()
    {
        string html = Small.ToHtmlFragment("plot1", PlotlySource.Cdn());
        Assert.StartsWith("<div id=\"plot1\" class=\"gdnb-plotly\"", html);
        Assert.Contains("window.requirejs.config({ paths: { plotly: url.replace(/\\.js$/, \"\") } })", html);
        Assert.Contains("window.requirejs([\"plotly\"], draw, fail)", html);
        Assert.Contains("document.createElement(\"script\")", html);
        Assert.Contains("Plotly.newPlot(el, figure.data, figure.layout", html);
        Assert.Contains($"var url = \"{PlotlySource.DefaultCdnUrl}\";", html);
        Assert.Contains("var figure = " + Small.ToJson() + ";", html);
    }

    [Fact]
    public void Fragment_ids_are_fresh_or_checked()
    {
        string a = Small.ToHtmlFragment(source: PlotlySource.Cdn()), b = Small.ToHtmlFragment(source: PlotlySource.Cdn());
        string idA = Regex.Match(a, "id=\"(gdnb-[0-9a-f]{12})\"").Groups[1].Value;
        Assert.NotEmpty(idA);
        Assert.DoesNotContain(idA, b);
        Assert.Throws<UsageException>(() => Small.ToHtmlFragment("bad\"id"));
        Assert.Throws<UsageException>(() => Small.ToHtmlFragment("1st"));
    }

    [Fact]
    public void Text_cannot_close_the_script()
    {
        string html = new Figure().WithTitle("</script><script>alert(1)</script>").ToHtmlFragment("p", PlotlySource.Cdn());
        Assert.Single(Regex.Matches(html, "</script>"));
    }

    [Fact]
    public void Inline_source_wraps_the_library_so_it_sets_window_plotly()
    {
        string folder = Directory.CreateTempSubdirectory("gdnb-html-").FullName;
        try
        {
            string library = Path.Combine(folder, "plotly.min.js");
            File.WriteAllText(library, "window.Plotly = { newPlot: function () {} }; var s = \"</script>\";");
            string html = Small.ToHtmlFragment("p", PlotlySource.Inline(library));
            Assert.Contains("if (!window.Plotly) {", html);
            Assert.Contains("(function (define, module, exports) {\nwindow.Plotly = { newPlot: function () {} };", html);
            Assert.Contains("<\\/script>", html);
            Assert.Contains("var url = null;", html);
            Assert.Equal(2, Regex.Matches(html, "</script>").Count);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void Page_is_a_whole_document_titled_after_the_figure()
    {
        string page = new Figure().WithTitle("a < b").ToHtmlPage(PlotlySource.Cdn());
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("<meta charset=\"utf-8\">", page);
        Assert.Contains("<title>a &lt; b</title>", page);
        Assert.Contains("<div id=\"gdnb-figure\"", page);
        Assert.EndsWith("</html>\n", page);
    }

    [Fact]
    public void Slider_and_subplot_figures_get_taller_divs_and_layout_height_wins()
    {
        Assert.Contains("height:540px", SampleFigures.Slider().ToHtmlFragment("s", PlotlySource.Cdn()));
        Assert.Contains("height:300px", Small.WithSize(400, 300).ToHtmlFragment("s", PlotlySource.Cdn()));
        Assert.Contains("height:900px", Figure.Subplots(3, 1).ToHtmlFragment("s", PlotlySource.Cdn()));
    }

    [Fact]
    public void Write_html_replaces_the_file_and_leaves_no_temporary_files()
    {
        string folder = Directory.CreateTempSubdirectory("gdnb-html-").FullName;
        try
        {
            string path = Path.Combine(folder, "loss.html");
            File.WriteAllText(path, "old");
            PlotlySource used = Small.WriteHtml(path, PlotlySource.Cdn());
            Assert.Equal(PlotlySourceKind.Cdn, used.Kind);
            Assert.Equal(Small.ToHtmlPage(PlotlySource.Cdn()).Replace("gdnb-figure", ""), File.ReadAllText(path).Replace("gdnb-figure", ""));
            Assert.Equal([path], Directory.GetFiles(folder));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
