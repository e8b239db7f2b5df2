using System.Text.Json;

namespace GdNotebooks.Tests.Charts.Browser;

/// <summary>Charts really draw: each page opens in headless Chromium without network and plotly.js draws its SVG, with no console error.</summary>
public sealed class ChromiumRenderTests
{
    public static TheoryData<string> Pages => new(RenderedPages.PageNames);

    [BrowserFact]
    public void Environment_has_chromium_node_and_npm_packages() =>
        Assert.Null(BrowserEnvironment.MissingReason);

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public void Page_draws_every_plot_without_errors(string page)
    {
        JsonElement report = RenderedPages.Report(page);
        Assert.Empty(report.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        var plots = report.GetProperty("plots").EnumerateArray().ToList();
        Assert.NotEmpty(plots);
        foreach (JsonElement plot in plots)
        {
            Assert.True(plot.GetProperty("mainSvg").GetInt32() > 0, $"{plot.GetProperty("id")}: no .main-svg; {plot.GetProperty("message")}");
            Assert.NotEmpty(plot.GetProperty("traces").EnumerateArray());
        }
    }

    [BrowserFact]
    public void Report_pages_typeset_markdown_math_offline_with_katex()
    {
        JsonElement math = RenderedPages.Report("report-with-math").GetProperty("math");
        Assert.Equal(3, math.GetProperty("typeset").GetInt32());   // two inline formulas and one display formula
        Assert.Equal(0, math.GetProperty("raw").GetInt32());
        Assert.True(math.GetProperty("fontLoaded").GetBoolean(), "KaTeX's font did not load from the inlined data URI");
    }

    [BrowserFact]
    public void Scatter_on_log_axes_draws_line_and_labelled_vertical_line()
    {
        JsonElement plot = OnlyPlot("scatter-log-vline");
        Assert.Equal("log", plot.GetProperty("axisTypes").GetProperty("xaxis").GetString());
        Assert.Equal("log", plot.GetProperty("axisTypes").GetProperty("yaxis").GetString());
        Assert.True(Count(plot, "scatterLines") >= 1);
        Assert.True(Count(plot, "scatterPoints") >= 5);
        Assert.True(Count(plot, "shapes") >= 1);
        Assert.Equal(1, Count(plot, "shapeLabels"));
    }

    [BrowserFact]
    public void Diverging_run_is_drawn_with_a_gap_and_marked()
    {
        JsonElement plot = OnlyPlot("diverging");
        Assert.Equal(2, Count(plot, "scatterTraces"));
        Assert.Equal(1, Count(plot, "shapeLabels"));
    }

    [BrowserFact]
    public void Contour_draws_levels_with_trajectory_on_top()
    {
        JsonElement plot = OnlyPlot("contour-trajectory");
        Assert.Equal(1, Count(plot, "contourTraces"));
        Assert.True(Count(plot, "contourLevels") > 5);
        Assert.Equal(1, Count(plot, "scatterTraces"));
        Assert.Equal(["contour", "scatter"], Types(plot));
    }

    [BrowserFact]
    public void Surface_draws_a_webgl_scene()
    {
        JsonElement plot = OnlyPlot("surface");
        Assert.Equal(1, Count(plot, "scenes"));
        Assert.True(Count(plot, "glCanvases") >= 1);
    }

    [BrowserFact]
    public void Heatmap_draws_its_image() => Assert.Equal(1, Count(OnlyPlot("heatmap"), "heatmapImages"));

    [BrowserFact]
    public void Bar_draws_one_bar_per_category() => Assert.Equal(3, Count(OnlyPlot("bar"), "barPoints"));

    [BrowserFact]
    public void Slider_switches_which_traces_show()
    {
        JsonElement plot = OnlyPlot("slider");
        Assert.Equal(1, Count(plot, "sliders"));
        Assert.Equal(5, Count(plot, "sliderSteps"));
        Assert.Equal([true, true, false, false, false, false], Visible(plot));
        // After moving the slider to its last step: the backdrop line and the last learning rate's curve.
        var after = RenderedPages.Report("slider").GetProperty("visibleAfterSlider")[0].EnumerateArray().Select(v => v.GetBoolean());
        Assert.Equal([true, false, false, false, false, true], after);
    }

    [BrowserFact]
    public void Buttons_are_drawn() => Assert.Equal(2, Count(OnlyPlot("buttons"), "menuButtons"));

    [BrowserFact]
    public void Subplots_draw_four_cells_with_titles()
    {
        JsonElement plot = OnlyPlot("subplots");
        Assert.Equal(4, Count(plot, "subplots"));
        Assert.Equal(4, Count(plot, "scatterTraces"));
        Assert.Equal(4, Count(plot, "annotations"));
        Assert.Equal("log", plot.GetProperty("axisTypes").GetProperty("yaxis").GetString());
        Assert.Equal("linear", plot.GetProperty("axisTypes").GetProperty("yaxis2").GetString());
    }

    [BrowserTheory]
    [InlineData("script-tag")]
    [InlineData("requirejs")]
    public void Loading_path_draws_two_figures_on_one_page(string page)
    {
        var plots = RenderedPages.Report(page).GetProperty("plots").EnumerateArray().ToList();
        Assert.Equal(["first", "second"], plots.Select(p => p.GetProperty("id").GetString()));
        Assert.All(plots, p => Assert.True(p.GetProperty("mainSvg").GetInt32() > 0));
    }

    private static JsonElement OnlyPlot(string page) => Assert.Single(RenderedPages.Report(page).GetProperty("plots").EnumerateArray());
    private static int Count(JsonElement plot, string what) => plot.GetProperty("counts").GetProperty(what).GetInt32();
    private static string[] Types(JsonElement plot) => plot.GetProperty("traces").EnumerateArray().Select(t => t.GetProperty("type").GetString()!).ToArray();
    private static bool[] Visible(JsonElement plot) =>
        plot.GetProperty("traces").EnumerateArray().Select(t => t.GetProperty("visible").ValueKind == JsonValueKind.True).ToArray();
}
