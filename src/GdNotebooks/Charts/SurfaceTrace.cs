namespace GdNotebooks.Charts;

/// <summary>A 3-D surface: plotly's <c>surface</c> trace (drawn with WebGL in <see cref="Scene"/>).</summary>
public sealed record SurfaceTrace : Trace
{
    public override string Kind => "surface";
    public DataArray? X { get; init; }
    public DataArray? Y { get; init; }
    /// <summary><c>z[j][i]</c> is the height at (x[i], y[j]).</summary>
    public required DataGrid Z { get; init; }
    public string? Colorscale { get; init; }
    public bool? ReverseScale { get; init; }
    public bool? ShowScale { get; init; }
    public string? ColorBarTitle { get; init; }
    /// <summary>"scene" (default), "scene2", …</summary>
    public string? Scene { get; init; }

    public override int NonFiniteCount() => Z.NonFiniteCount();

    private protected override void WriteKindProperties(PlotlyJsonWriter w)
    {
        w.String("scene", Scene);
        w.Array("x", X);
        w.Array("y", Y);
        w.Grid("z", Z);
        ColorScaleAttributes.Write(w, Colorscale, ReverseScale, ShowScale, ColorBarTitle);
    }
}
