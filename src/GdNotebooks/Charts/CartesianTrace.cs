namespace GdNotebooks.Charts;

/// <summary>A trace drawn on a pair of 2-D axes; <see cref="XAxis"/>/<see cref="YAxis"/> pick the subplot.</summary>
public abstract record CartesianTrace : Trace
{
    private protected CartesianTrace() { }

    /// <summary>"x" (default), "x2", …: which x axis the trace uses.</summary>
    public string? XAxis { get; init; }
    /// <summary>"y" (default), "y2", …</summary>
    public string? YAxis { get; init; }

    /// <summary>This trace moved onto the axes <paramref name="xAxis"/>/<paramref name="yAxis"/>.</summary>
    public CartesianTrace OnAxes(string xAxis, string yAxis) =>
        this with { XAxis = AxisReference.Normalize(xAxis), YAxis = AxisReference.Normalize(yAxis) };

    private protected override void WriteKindProperties(PlotlyJsonWriter w)
    {
        w.String("xaxis", XAxis);
        w.String("yaxis", YAxis);
        WriteDataProperties(w);
    }

    /// <summary>Writes the data and style attributes of this kind of trace.</summary>
    private protected abstract void WriteDataProperties(PlotlyJsonWriter w);
}
