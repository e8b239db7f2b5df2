namespace GdNotebooks.Charts;

/// <summary>A colored grid: plotly's <c>heatmap</c> trace. <c>z[j][i]</c> is the value at (x[i], y[j]).</summary>
public sealed record HeatmapTrace : CartesianTrace
{
    public override string Kind => "heatmap";
    public DataArray? X { get; init; }
    public DataArray? Y { get; init; }
    public required DataGrid Z { get; init; }
    /// <summary>A plotly colorscale name: "Viridis", "Cividis", "Blues", "RdBu", ….</summary>
    public string? Colorscale { get; init; }
    public bool? ReverseScale { get; init; }
    public bool? ShowScale { get; init; }
    public double? ZMin { get; init; }
    public double? ZMax { get; init; }
    /// <summary>Title of the color bar (plotly's <c>colorbar.title.text</c>).</summary>
    public string? ColorBarTitle { get; init; }

    public override int NonFiniteCount() => Z.NonFiniteCount();

    private protected override void WriteDataProperties(PlotlyJsonWriter w)
    {
        w.Array("x", X);
        w.Array("y", Y);
        w.Grid("z", Z);
        ColorScaleAttributes.Write(w, Colorscale, ReverseScale, ShowScale, ColorBarTitle);
        w.Number("zmin", ZMin);
        w.Number("zmax", ZMax);
    }
}
