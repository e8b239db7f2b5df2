namespace GdNotebooks.Charts;

/// <summary>The 3-D box a surface is drawn in: plotly's <c>layout.scene</c>.</summary>
public sealed record Scene : IPlotlyObject
{
    public Axis? XAxis { get; init; }
    public Axis? YAxis { get; init; }
    public Axis? ZAxis { get; init; }
    /// <summary>"auto", "cube", "data" or "manual".</summary>
    public string? AspectMode { get; init; }

    void IPlotlyObject.WriteProperties(PlotlyJsonWriter w)
    {
        w.Object("xaxis", XAxis);
        w.Object("yaxis", YAxis);
        w.Object("zaxis", ZAxis);
        w.String("aspectmode", AspectMode);
    }
}
