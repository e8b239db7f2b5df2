namespace GdNotebooks.Charts;

/// <summary>
/// Contour levels: plotly's <c>contours</c> object. Give <see cref="Start"/>, <see cref="End"/> and <see cref="Size"/>
/// to fix the levels yourself (plotly then ignores <c>ncontours</c>), or leave them null for automatic levels.
/// </summary>
public sealed record Contours : IPlotlyObject
{
    public ContourColoring? Coloring { get; init; }
    /// <summary>Writes each level's value on its line.</summary>
    public bool? ShowLabels { get; init; }
    public double? Start { get; init; }
    public double? End { get; init; }
    public double? Size { get; init; }

    void IPlotlyObject.WriteProperties(PlotlyJsonWriter w)
    {
        w.String("coloring", PlotlyNames.Of(Coloring));
        w.Bool("showlabels", ShowLabels);
        w.Number("start", Start);
        w.Number("end", End);
        w.Number("size", Size);
    }
}
