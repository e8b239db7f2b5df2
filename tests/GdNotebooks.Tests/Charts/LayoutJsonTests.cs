using System.Text.Json;
using GdNotebooks.Charts;
using static GdNotebooks.Tests.Charts.FigureJson;

namespace GdNotebooks.Tests.Charts;

/// <summary>Layout, axes, legend, annotations and shapes are written under plotly.js's names.</summary>
public sealed class LayoutJsonTests
{
    [Fact]
    public void Titles_are_objects_with_text()
    {
        JsonElement layout = Layout(new Figure().WithTitle("Loss").WithXTitle("step").WithYTitle("loss"));
        Assert.Equal("Loss", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("step", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("loss", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Log_axes_have_type_log_and_power_exponents()
    {
        JsonElement layout = Layout(new Figure().WithLogX().WithLogY());
        Assert.Equal("log", layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal("power", layout.GetProperty("xaxis").GetProperty("exponentformat").GetString());
    }

    [Fact]
    public void Log_range_is_written_in_powers_of_ten()
    {
        JsonElement axis = Layout(new Figure().WithAxis("x", a => a.WithLogRange(1e-4, 10))).GetProperty("xaxis");
        Assert.Equal([-4.0, 1], Numbers(axis.GetProperty("range")));
        Assert.Throws<UsageException>(() => new Axis().WithLogRange(0, 1));
    }

    [Fact]
    public void Axis_attributes_use_plotly_names()
    {
        var axis = new Axis
        {
            Type = AxisType.Linear, Range = [0, 1], Domain = [0, 0.5], Anchor = "y2", TickFormat = ".1e",
            ShowGrid = false, ZeroLine = false, ScaleAnchor = "x", ScaleRatio = 1,
        };
        JsonElement json = Layout(new Figure().WithAxis("xaxis2", _ => axis)).GetProperty("xaxis2");
        Assert.Equal(["type", "range", "domain", "anchor", "tickformat", "showgrid", "zeroline", "scaleanchor", "scaleratio"], Names(json));
        Assert.Equal("linear", json.GetProperty("type").GetString());
        Assert.Equal([0.0, 0.5], Numbers(json.GetProperty("domain")));
    }

    [Fact]
    public void Axes_are_written_in_order_under_layout_keys()
    {
        var figure = new Figure().WithAxis("y2", a => a).WithAxis("x10", a => a).WithAxis("x", a => a).WithAxis("x2", a => a);
        Assert.Equal(["xaxis", "xaxis2", "xaxis10", "yaxis2"], Names(Layout(figure)));
    }

    [Theory]
    [InlineData("x", "xaxis")]
    [InlineData("x1", "xaxis")]
    [InlineData("y2", "yaxis2")]
    [InlineData("xaxis3", "xaxis3")]
    [InlineData("yaxis", "yaxis")]
    public void Axis_references_map_to_layout_keys(string reference, string key) => Assert.Equal(key, AxisReference.LayoutKey(reference));

    [Theory]
    [InlineData("z")]
    [InlineData("x0")]
    [InlineData("x-1")]
    [InlineData("")]
    [InlineData("xaxis0")]
    public void Bad_axis_references_are_usage_errors(string reference) =>
        Assert.Throws<UsageException>(() => AxisReference.LayoutKey(reference));

    [Fact]
    public void Legend_and_sizes_use_plotly_names()
    {
        JsonElement layout = Layout(new Figure().WithLegend(Legend.AboveHorizontal).WithSize(800, 400)
            .WithLayout(l => l with { HoverMode = "x unified", BarMode = "group", ShowLegend = true }));
        Assert.Equal("h", layout.GetProperty("legend").GetProperty("orientation").GetString());
        Assert.Equal("bottom", layout.GetProperty("legend").GetProperty("yanchor").GetString());
        Assert.Equal(800, layout.GetProperty("width").GetDouble());
        Assert.Equal(400, layout.GetProperty("height").GetDouble());
        Assert.Equal("x unified", layout.GetProperty("hovermode").GetString());
        Assert.Equal("group", layout.GetProperty("barmode").GetString());
        Assert.Equal(JsonValueKind.True, layout.GetProperty("showlegend").ValueKind);
    }

    [Fact]
    public void Annotations_use_plotly_names()
    {
        var note = new Annotation
        {
            Text = "minimum", X = 1, Y = 2, XRef = "x", YRef = "y", ShowArrow = true, Ax = 20, Ay = -30,
            XAnchor = "left", YAnchor = "top", Font = new Font { Size = 12, Color = "gray", Family = "serif" }, BgColor = "white",
        };
        JsonElement a = Layout(new Figure().WithAnnotation(note)).GetProperty("annotations")[0];
        Assert.Equal(["text", "x", "y", "xref", "yref", "showarrow", "ax", "ay", "xanchor", "yanchor", "font", "bgcolor"], Names(a));
        Assert.Equal(12, a.GetProperty("font").GetProperty("size").GetDouble());
        Assert.Equal(JsonValueKind.True, a.GetProperty("showarrow").ValueKind);
    }

    [Fact]
    public void Vertical_line_spans_its_subplot_and_carries_a_label()
    {
        JsonElement s = Layout(new Figure().WithVerticalLine(0.2, "2/L")).GetProperty("shapes")[0];
        Assert.Equal("line", s.GetProperty("type").GetString());
        Assert.Equal(0.2, s.GetProperty("x0").GetDouble());
        Assert.Equal(0.2, s.GetProperty("x1").GetDouble());
        Assert.Equal([0.0, 1], [s.GetProperty("y0").GetDouble(), s.GetProperty("y1").GetDouble()]);
        Assert.Equal("x", s.GetProperty("xref").GetString());
        Assert.Equal("y domain", s.GetProperty("yref").GetString());
        Assert.Equal("dash", s.GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal("2/L", s.GetProperty("label").GetProperty("text").GetString());
        Assert.Equal("end", s.GetProperty("label").GetProperty("textposition").GetString());

        JsonElement inCell = Layout(new Figure().WithShape(Shape.VerticalLine(1, xAxis: "x3"))).GetProperty("shapes")[0];
        Assert.Equal("x3", inCell.GetProperty("xref").GetString());
        Assert.Equal("y3 domain", inCell.GetProperty("yref").GetString());
        Assert.False(inCell.TryGetProperty("label", out _));
    }

    [Fact]
    public void Horizontal_line_spans_its_subplot()
    {
        JsonElement s = Layout(new Figure().WithShape(Shape.HorizontalLine(1e-6, "tolerance", "y2"))).GetProperty("shapes")[0];
        Assert.Equal("x2 domain", s.GetProperty("xref").GetString());
        Assert.Equal("y2", s.GetProperty("yref").GetString());
        Assert.Equal(1e-6, s.GetProperty("y0").GetDouble());
    }

    [Fact]
    public void Rectangle_shape_writes_fill_and_layer()
    {
        var rect = new Shape { Type = "rect", X0 = 0, X1 = 1, Y0 = 0, Y1 = 1, XRef = "x", YRef = "y", FillColor = "lightblue", Opacity = 0.3, Layer = "below" };
        JsonElement s = Layout(new Figure().WithShape(rect)).GetProperty("shapes")[0];
        Assert.Equal(["type", "x0", "x1", "y0", "y1", "xref", "yref", "fillcolor", "opacity", "layer"], Names(s));
    }

    [Fact]
    public void Empty_lists_are_left_out() =>
        Assert.Equal(["title"], Names(Layout(new Figure().WithTitle("t"))));
}
