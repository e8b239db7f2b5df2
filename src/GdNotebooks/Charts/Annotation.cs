namespace GdNotebooks.Charts;

/// <summary>
/// A text note on the chart: plotly's <c>layout.annotations[]</c>. Positions follow <see cref="XRef"/>/<see cref="YRef"/>:
/// an axis ("x", "y2": data units, log10 units on a log axis), "paper" (0–1 across the figure) or "x domain" (0–1
/// across that axis).
/// </summary>
public sealed record Annotation : IPlotlyObject
{
    public required string Text { get; init; }
    public double? X { get; init; }
    public double? Y { get; init; }
    public string? XRef { get; init; }
    public string? YRef { get; init; }
    /// <summary>Draw an arrow from the text to (x, y); plotly's default is true.</summary>
    public bool? ShowArrow { get; init; }
    /// <summary>Arrow tail offset from the point, in px.</summary>
    public double? Ax { get; init; }
    public double? Ay { get; init; }
    public string? XAnchor { get; init; }
    public string? YAnchor { get; init; }
    public Font? Font { get; init; }
    public string? BgColor { get; init; }

    /// <summary>A label without arrow at (x, y) in paper coordinates (0–1 across the whole figure).</summary>
    public static Annotation OnPaper(string text, double x, double y) =>
        new() { Text = text, X = x, Y = y, XRef = "paper", YRef = "paper", ShowArrow = false };

    void IPlotlyObject.WriteProperties(PlotlyJsonWriter w)
    {
        w.String("text", Text);
        w.Number("x", X);
        w.Number("y", Y);
        w.String("xref", XRef);
        w.String("yref", YRef);
        w.Bool("showarrow", ShowArrow);
        w.Number("ax", Ax);
        w.Number("ay", Ay);
        w.String("xanchor", XAnchor);
        w.String("yanchor", YAnchor);
        w.Object("font", Font);
        w.String("bgcolor", BgColor);
    }
}
