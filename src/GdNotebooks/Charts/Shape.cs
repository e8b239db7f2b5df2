namespace GdNotebooks.Charts;

/// <summary>
/// A line, rectangle or circle on the chart: plotly's <c>layout.shapes[]</c>. Coordinates follow <see cref="XRef"/>
/// and <see cref="YRef"/> as for annotations, except that on a log axis shapes take data units. A shape may carry
/// a <see cref="Label"/> (plotly.js ≥ 2.19), which moves with it.
/// </summary>
public sealed record Shape : IPlotlyObject
{
    /// <summary>"line", "rect" or "circle".</summary>
    public required string Type { get; init; }
    public double? X0 { get; init; }
    public double? X1 { get; init; }
    public double? Y0 { get; init; }
    public double? Y1 { get; init; }
    public string? XRef { get; init; }
    public string? YRef { get; init; }
    public Line? Line { get; init; }
    public string? FillColor { get; init; }
    public double? Opacity { get; init; }
    /// <summary>"above" (default) or "below" the traces.</summary>
    public string? Layer { get; init; }
    public string? Label { get; init; }
    /// <summary>For lines: "start", "middle" or "end"; for areas: "top left", …, "bottom right".</summary>
    public string? LabelPosition { get; init; }

    /// <summary>
    /// A dashed vertical line at <paramref name="x"/> across the whole height of its subplot, labelled at the top:
    /// the shape for a threshold such as the stability limit 2/L of a learning rate.
    /// </summary>
    /// <param name="x">Position in data units of <paramref name="xAxis"/> (data units on a log axis too).</param>
    /// <param name="label">Text written along the line, or null.</param>
    /// <param name="xAxis">The x axis ("x", "x2", …); the line spans the matching y axis's domain.</param>
    public static Shape VerticalLine(double x, string? label = null, string xAxis = "x") => new()
    {
        Type = "line",
        X0 = x, X1 = x, Y0 = 0, Y1 = 1,
        XRef = AxisReference.Normalize(xAxis),
        YRef = AxisReference.Partner(xAxis) + " domain",
        Line = new Line { Color = "rgba(60,60,60,0.8)", Width = 1.5, Dash = Charts.Dash.Dash },
        Label = label,
        LabelPosition = label is null ? null : "end",
    };

    /// <summary>A dashed horizontal line at <paramref name="y"/> across the whole width of its subplot.</summary>
    public static Shape HorizontalLine(double y, string? label = null, string yAxis = "y") => new()
    {
        Type = "line",
        X0 = 0, X1 = 1, Y0 = y, Y1 = y,
        XRef = AxisReference.Partner(yAxis) + " domain",
        YRef = AxisReference.Normalize(yAxis),
        Line = new Line { Color = "rgba(60,60,60,0.8)", Width = 1.5, Dash = Charts.Dash.Dash },
        Label = label,
        LabelPosition = label is null ? null : "end",
    };

    void IPlotlyObject.WriteProperties(PlotlyJsonWriter w)
    {
        w.String("type", Type);
        w.Number("x0", X0);
        w.Number("x1", X1);
        w.Number("y0", Y0);
        w.Number("y1", Y1);
        w.String("xref", XRef);
        w.String("yref", YRef);
        w.Object("line", Line);
        w.String("fillcolor", FillColor);
        w.Number("opacity", Opacity);
        w.String("layer", Layer);
        if (Label is null) return;
        w.Json.WriteStartObject("label");
        w.String("text", Label);
        w.String("textposition", LabelPosition);
        w.Json.WriteEndObject();
    }
}
