namespace GdNotebooks.Charts;

/// <summary>Point or bar style: plotly's <c>marker</c> object.</summary>
public sealed record Marker : IPlotlyObject
{
    /// <summary>Any CSS color.</summary>
    public string? Color { get; init; }
    /// <summary>Diameter in px.</summary>
    public double? Size { get; init; }
    /// <summary>Plotly symbol name: "circle", "square", "x", "star", "diamond", …</summary>
    public string? Symbol { get; init; }
    public double? Opacity { get; init; }

    void IPlotlyObject.WriteProperties(PlotlyJsonWriter w)
    {
        w.String("color", Color);
        w.Number("size", Size);
        w.String("symbol", Symbol);
        w.Number("opacity", Opacity);
    }
}
