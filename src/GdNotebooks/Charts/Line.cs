namespace GdNotebooks.Charts;

/// <summary>Line style of a trace or shape: plotly's <c>line</c> object (<c>color</c>, <c>width</c> in px, <c>dash</c>).</summary>
public sealed record Line : IPlotlyObject
{
    /// <summary>Any CSS color: "#1f77b4", "crimson", "rgba(0,0,0,0.5)".</summary>
    public string? Color { get; init; }
    public double? Width { get; init; }
    public Dash? Dash { get; init; }
    /// <summary>Contour lines only: smoothing between 0 (none) and 1.3.</summary>
    public double? Smoothing { get; init; }

    void IPlotlyObject.WriteProperties(PlotlyJsonWriter w)
    {
        w.String("color", Color);
        w.Number("width", Width);
        w.String("dash", PlotlyNames.Of(Dash));
        w.Number("smoothing", Smoothing);
    }
}
