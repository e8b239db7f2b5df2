namespace GdNotebooks.Charts;

/// <summary>Legend placement: plotly's <c>layout.legend</c>. Positions are fractions of the plot area.</summary>
public sealed record Legend : IPlotlyObject
{
    public string? Title { get; init; }
    /// <summary>"v" (default) or "h".</summary>
    public string? Orientation { get; init; }
    public double? X { get; init; }
    public double? Y { get; init; }
    /// <summary>"auto", "left", "center", "right".</summary>
    public string? XAnchor { get; init; }
    /// <summary>"auto", "top", "middle", "bottom".</summary>
    public string? YAnchor { get; init; }

    /// <summary>A horizontal legend above the plot, out of the data's way.</summary>
    public static Legend AboveHorizontal => new() { Orientation = "h", X = 0, Y = 1.02, YAnchor = "bottom" };

    void IPlotlyObject.WriteProperties(PlotlyJsonWriter w)
    {
        w.Title("title", Title);
        w.String("orientation", Orientation);
        w.Number("x", X);
        w.Number("y", Y);
        w.String("xanchor", XAnchor);
        w.String("yanchor", YAnchor);
    }
}
