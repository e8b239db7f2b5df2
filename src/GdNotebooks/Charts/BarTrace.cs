namespace GdNotebooks.Charts;

/// <summary>Bars: plotly's <c>bar</c> trace, e.g. final loss per optimizer, with optional error bars over seeds.</summary>
public sealed record BarTrace : CartesianTrace
{
    public override string Kind => "bar";
    /// <summary>Categories (strings) or numbers along the bars' base.</summary>
    public DataArray? X { get; init; }
    public DataArray? Y { get; init; }
    /// <summary>"v" (default) or "h"; with "h" the bars' lengths are x.</summary>
    public string? Orientation { get; init; }
    public Marker? Marker { get; init; }
    public DataArray? Text { get; init; }
    /// <summary>Symmetric error bar half-lengths, one per bar: plotly's <c>error_y</c> with type "data".</summary>
    public DataArray? ErrorY { get; init; }

    public override int NonFiniteCount() =>
        (X?.NonFiniteCount() ?? 0) + (Y?.NonFiniteCount() ?? 0) + (ErrorY?.NonFiniteCount() ?? 0);

    private protected override void WriteDataProperties(PlotlyJsonWriter w)
    {
        w.Array("x", X);
        w.Array("y", Y);
        w.String("orientation", Orientation);
        w.Array("text", Text);
        w.Object("marker", Marker);
        if (ErrorY is null) return;
        w.Json.WriteStartObject("error_y");
        w.String("type", "data");
        w.Array("array", ErrorY);
        w.Bool("visible", true);
        w.Json.WriteEndObject();
    }
}
