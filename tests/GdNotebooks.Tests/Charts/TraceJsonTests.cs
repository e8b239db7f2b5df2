using System.Text.Json;
using GdNotebooks.Charts;
using static GdNotebooks.Tests.Charts.FigureJson;

namespace GdNotebooks.Tests.Charts;

/// <summary>Every trace kind writes the attribute names and JSON types plotly.js expects, and leaves unset ones out.</summary>
public sealed class TraceJsonTests
{
    [Fact]
    public void Figure_json_is_data_array_and_layout_object()
    {
        JsonElement root = Parse(new Figure());
        Assert.Equal(["data", "layout"], Names(root));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("data").ValueKind);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("layout").ValueKind);
    }

    [Fact]
    public void Scatter_writes_plotly_names_and_types()
    {
        var figure = new Figure().Add(new ScatterTrace
        {
            X = new[] { 1.0, 2, 3 }, Y = new[] { 4, 5, 6 }, Name = "sgd", Mode = ScatterMode.LinesAndMarkers,
            Line = new Line { Dash = Dash.DashDot, Width = 2, Color = "red" }, Marker = new Marker { Size = 6, Symbol = "x" },
            Visible = false, ShowLegend = false, HoverTemplate = "%{y}", XAxis = "x2", YAxis = "y2", ConnectGaps = true,
        });
        JsonElement t = Trace(figure);
        Assert.Equal("scatter", t.GetProperty("type").GetString());
        Assert.Equal("lines+markers", t.GetProperty("mode").GetString());
        Assert.Equal([1.0, 2, 3], Numbers(t.GetProperty("x")));
        Assert.Equal([4.0, 5, 6], Numbers(t.GetProperty("y")));
        Assert.Equal("sgd", t.GetProperty("name").GetString());
        Assert.Equal("dashdot", t.GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal(2, t.GetProperty("line").GetProperty("width").GetDouble());
        Assert.Equal("red", t.GetProperty("line").GetProperty("color").GetString());
        Assert.Equal(6, t.GetProperty("marker").GetProperty("size").GetDouble());
        Assert.Equal("x", t.GetProperty("marker").GetProperty("symbol").GetString());
        Assert.Equal(JsonValueKind.False, t.GetProperty("visible").ValueKind);
        Assert.Equal(JsonValueKind.False, t.GetProperty("showlegend").ValueKind);
        Assert.Equal("%{y}", t.GetProperty("hovertemplate").GetString());
        Assert.Equal("x2", t.GetProperty("xaxis").GetString());
        Assert.Equal("y2", t.GetProperty("yaxis").GetString());
        Assert.Equal(JsonValueKind.True, t.GetProperty("connectgaps").ValueKind);
    }

    [Fact]
    public void Unset_attributes_are_left_out()
    {
        JsonElement t = Trace(new Figure().Add(new ScatterTrace { Y = new[] { 1.0 } }));
        Assert.Equal(["type", "y"], Names(t));
        Assert.DoesNotContain("null", new Figure().Add(new ScatterTrace { Y = new[] { 1.0 } }).ToJson());
    }

    [Theory]
    [InlineData(ScatterMode.Lines, "lines")]
    [InlineData(ScatterMode.Markers, "markers")]
    [InlineData(ScatterMode.LinesAndMarkers, "lines+markers")]
    public void Scatter_modes_use_plotly_strings(ScatterMode mode, string expected) =>
        Assert.Equal(expected, Trace(new Figure().Add(new ScatterTrace { Mode = mode })).GetProperty("mode").GetString());

    [Theory]
    [InlineData(Dash.Solid, "solid")]
    [InlineData(Dash.Dot, "dot")]
    [InlineData(Dash.Dash, "dash")]
    [InlineData(Dash.LongDash, "longdash")]
    [InlineData(Dash.DashDot, "dashdot")]
    [InlineData(Dash.LongDashDot, "longdashdot")]
    public void Dashes_use_plotly_strings(Dash dash, string expected) =>
        Assert.Equal(expected, Trace(new Figure().Add(new ScatterTrace { Line = new Line { Dash = dash } }))
            .GetProperty("line").GetProperty("dash").GetString());

    [Fact]
    public void Heatmap_writes_z_rows_per_y()
    {
        var figure = new Figure().Add(new HeatmapTrace
        {
            X = new[] { 0.0, 1, 2 }, Y = new[] { 10.0, 20 }, Z = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } },
            Colorscale = "Viridis", ShowScale = true, ZMin = 0, ZMax = 6, ColorBarTitle = "loss", ReverseScale = true,
        });
        JsonElement t = Trace(figure);
        Assert.Equal("heatmap", t.GetProperty("type").GetString());
        Assert.Equal(2, t.GetProperty("z").GetArrayLength());
        Assert.Equal([4.0, 5, 6], Numbers(t.GetProperty("z")[1]));
        Assert.Equal("Viridis", t.GetProperty("colorscale").GetString());
        Assert.Equal(JsonValueKind.True, t.GetProperty("showscale").ValueKind);
        Assert.Equal(JsonValueKind.True, t.GetProperty("reversescale").ValueKind);
        Assert.Equal(0, t.GetProperty("zmin").GetDouble());
        Assert.Equal(6, t.GetProperty("zmax").GetDouble());
        Assert.Equal("loss", t.GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Contour_writes_contours_and_ncontours()
    {
        var figure = new Figure().Add(new ContourTrace
        {
            X = new[] { 0.0, 1 }, Y = new[] { 0.0, 1 }, Z = new[] { new[] { 0.0, 1 }, new[] { 1.0, 2 } },
            NContours = 20, ShowScale = false, Colorscale = "Blues",
            Contours = new Contours { Coloring = ContourColoring.Lines, ShowLabels = true, Start = 0, End = 2, Size = 0.5 },
            Line = new Line { Width = 0.5, Smoothing = 0.8 },
        });
        JsonElement t = Trace(figure);
        Assert.Equal("contour", t.GetProperty("type").GetString());
        Assert.Equal(20, t.GetProperty("ncontours").GetInt32());
        Assert.Equal(JsonValueKind.False, t.GetProperty("showscale").ValueKind);
        JsonElement contours = t.GetProperty("contours");
        Assert.Equal("lines", contours.GetProperty("coloring").GetString());
        Assert.Equal(JsonValueKind.True, contours.GetProperty("showlabels").ValueKind);
        Assert.Equal([0.0, 2, 0.5], [contours.GetProperty("start").GetDouble(), contours.GetProperty("end").GetDouble(), contours.GetProperty("size").GetDouble()]);
        Assert.Equal(0.8, t.GetProperty("line").GetProperty("smoothing").GetDouble());
    }

    [Theory]
    [InlineData(ContourColoring.Fill, "fill")]
    [InlineData(ContourColoring.Heatmap, "heatmap")]
    [InlineData(ContourColoring.Lines, "lines")]
    [InlineData(ContourColoring.None, "none")]
    public void Contour_colorings_use_plotly_strings(ContourColoring coloring, string expected) =>
        Assert.Equal(expected, Trace(new Figure().Add(new ContourTrace { Z = new double[1, 1], Contours = new Contours { Coloring = coloring } }))
            .GetProperty("contours").GetProperty("coloring").GetString());

    [Fact]
    public void Surface_writes_scene_reference_and_grid()
    {
        var figure = new Figure()
            .Add(new SurfaceTrace { Z = new double[,] { { 1, 2 }, { 3, 4 } }, Scene = "scene", Colorscale = "Cividis" })
            .WithLayout(l => l with { Scene = new Scene { ZAxis = new Axis { Title = "loss", Type = AxisType.Log }, AspectMode = "cube" } });
        JsonElement t = Trace(figure);
        Assert.Equal("surface", t.GetProperty("type").GetString());
        Assert.Equal("scene", t.GetProperty("scene").GetString());
        Assert.Equal([3.0, 4], Numbers(t.GetProperty("z")[1]));
        Assert.False(t.TryGetProperty("xaxis", out _));
        JsonElement scene = Layout(figure).GetProperty("scene");
        Assert.Equal("loss", scene.GetProperty("zaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("log", scene.GetProperty("zaxis").GetProperty("type").GetString());
        Assert.Equal("cube", scene.GetProperty("aspectmode").GetString());
    }

    [Fact]
    public void Bar_writes_categories_and_error_bars()
    {
        var figure = new Figure().Add(new BarTrace
        {
            X = new[] { "sgd", "adam" }, Y = new[] { 0.3, 0.1 }, ErrorY = new[] { 0.01, 0.02 }, Orientation = "v",
            Marker = new Marker { Color = "#1f77b4" }, Text = new[] { "a", "b" },
        });
        JsonElement t = Trace(figure);
        Assert.Equal("bar", t.GetProperty("type").GetString());
        Assert.Equal(["sgd", "adam"], t.GetProperty("x").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("v", t.GetProperty("orientation").GetString());
        JsonElement error = t.GetProperty("error_y");
        Assert.Equal("data", error.GetProperty("type").GetString());
        Assert.Equal([0.01, 0.02], Numbers(error.GetProperty("array")));
        Assert.Equal(JsonValueKind.True, error.GetProperty("visible").ValueKind);
    }

    [Fact]
    public void Data_arrays_are_copied()
    {
        double[] y = [1, 2];
        var figure = new Figure().Add(new ScatterTrace { Y = y });
        y[0] = 99;
        Assert.Equal([1.0, 2], Numbers(Trace(figure).GetProperty("y")));
    }

    [Fact]
    public void Traces_keep_their_order()
    {
        var figure = new Figure().Add(new ContourTrace { Z = new double[1, 1] }, new ScatterTrace()).Add(new BarTrace());
        Assert.Equal(["contour", "scatter", "bar"], Parse(figure).GetProperty("data").EnumerateArray().Select(t => t.GetProperty("type").GetString()));
    }
}
