namespace GdNotebooks.Charts;

/// <summary>
/// One entry of a figure's <c>data</c>: what all plotly traces share. The kinds are <see cref="ScatterTrace"/>,
/// <see cref="BarTrace"/>, <see cref="HeatmapTrace"/>, <see cref="ContourTrace"/> and <see cref="SurfaceTrace"/>.
/// </summary>
public abstract record Trace : IPlotlyObject
{
    private protected Trace() { }

    /// <summary>Plotly's trace <c>type</c>: "scatter", "bar", "heatmap", "contour", "surface".</summary>
    public abstract string Kind { get; }
    /// <summary>Shown in the legend and on hover.</summary>
    public string? Name { get; init; }
    /// <summary>False hides the trace (sliders and buttons switch this).</summary>
    public bool? Visible { get; init; }
    public bool? ShowLegend { get; init; }
    /// <summary>Traces in one group toggle together from the legend.</summary>
    public string? LegendGroup { get; init; }
    /// <summary>e.g. "lr=%{x:.1e}&lt;br&gt;loss=%{y:.3g}&lt;extra&gt;&lt;/extra&gt;".</summary>
    public string? HoverTemplate { get; init; }
    public double? Opacity { get; init; }

    /// <summary>Data points that are NaN or ±Infinity (written as null, drawn as gaps).</summary>
    public abstract int NonFiniteCount();

    void IPlotlyObject.WriteProperties(PlotlyJsonWriter w)
    {
        w.String("type", Kind);
        w.String("name", Name);
        w.Bool("visible", Visible);
        w.Bool("showlegend", ShowLegend);
        w.String("legendgroup", LegendGroup);
        w.String("hovertemplate", HoverTemplate);
        w.Number("opacity", Opacity);
        WriteKindProperties(w);
    }

    /// <summary>Writes the attributes particular to this kind of trace.</summary>
    private protected abstract void WriteKindProperties(PlotlyJsonWriter w);
}
