namespace GdNotebooks.Charts;

/// <summary>
/// Level sets of a grid: plotly's <c>contour</c> trace, the backdrop for optimizer trajectories on a 2-D loss.
/// <c>z[j][i]</c> is the value at (x[i], y[j]); non-finite values become gaps.
/// </summary>
public sealed record ContourTrace : CartesianTrace
{
    public override string Kind => "contour";
    public DataArray? X { get; init; }
    public DataArray? Y { get; init; }
    public required DataGrid Z { get; init; }
    /// <summary>A plotly colorscale name: "Viridis", "Cividis", "Blues", "RdBu", ….</summary>
    public string? Colorscale { get; init; }
    public bool? ReverseScale { get; init; }
    public bool? ShowScale { get; init; }
    /// <summary>Title of the color bar (plotly's <c>colorbar.title.text</c>).</summary>
    public string? ColorBarTitle { get; init; }
    /// <summary>Upper bound on the number of automatic levels.</summary>
    public int? NContours { get; init; }
    public Contours? Contours { get; init; }
    /// <summary>Style of the contour lines.</summary>
    public Line? Line { get; init; }

    public override int NonFiniteCount() => Z.NonFiniteCount();

    private protected override void WriteDataProperties(PlotlyJsonWriter w)
    {
        w.Array("x", X);
        w.Array("y", Y);
        w.Grid("z", Z);
        ColorScaleAttributes.Write(w, Colorscale, ReverseScale, ShowScale, ColorBarTitle);
        w.Int("ncontours", NContours);
        w.Object("contours", Contours);
        w.Object("line", Line);
    }
}
