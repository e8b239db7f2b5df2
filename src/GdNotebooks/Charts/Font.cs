namespace GdNotebooks.Charts;

/// <summary>Text style: plotly's <c>font</c> object.</summary>
public sealed record Font : IPlotlyObject
{
    public string? Family { get; init; }
    /// <summary>Size in px.</summary>
    public double? Size { get; init; }
    public string? Color { get; init; }

    void IPlotlyObject.WriteProperties(PlotlyJsonWriter w)
    {
        w.String("family", Family);
        w.Number("size", Size);
        w.String("color", Color);
    }
}
