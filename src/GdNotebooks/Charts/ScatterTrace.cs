namespace GdNotebooks.Charts;

/// <summary>Lines and/or markers through (x, y) points: plotly's <c>scatter</c> trace. The workhorse for loss curves.</summary>
public sealed record ScatterTrace : CartesianTrace
{
    public override string Kind => "scatter";
    /// <summary>x values; when null plotly uses 0, 1, 2, ….</summary>
    public DataArray? X { get; init; }
    public DataArray? Y { get; init; }
    public ScatterMode? Mode { get; init; }
    public Line? Line { get; init; }
    public Marker? Marker { get; init; }
    /// <summary>Per-point text shown on hover (or drawn, with a text mode).</summary>
    public DataArray? Text { get; init; }
    /// <summary>Join across null (non-finite) points instead of leaving a gap; plotly's default is false.</summary>
    public bool? ConnectGaps { get; init; }

    public override int NonFiniteCount() => (X?.NonFiniteCount() ?? 0) + (Y?.NonFiniteCount() ?? 0);

    private protected override void WriteDataProperties(PlotlyJsonWriter w)
    {
        w.String("mode", PlotlyNames.Of(Mode));
        w.Array("x", X);
        w.Array("y", Y);
        w.Array("text", Text);
        w.Object("line", Line);
        w.Object("marker", Marker);
        w.Bool("connectgaps", ConnectGaps);
    }
}
