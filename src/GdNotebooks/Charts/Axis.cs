namespace GdNotebooks.Charts;

/// <summary>
/// One axis: plotly's <c>layout.xaxis</c>, <c>layout.yaxis2</c>, … (and <c>scene.zaxis</c> in 3-D).
/// Careful with <see cref="Range"/> on a log axis: plotly takes it in powers of ten (use <see cref="WithLogRange"/>).
/// </summary>
public sealed record Axis : IPlotlyObject
{
    public string? Title { get; init; }
    public AxisType? Type { get; init; }
    /// <summary>[min, max] in data units, or in log10 units on a log axis.</summary>
    public IReadOnlyList<double>? Range { get; init; }
    /// <summary>[start, end] as fractions of the figure (0–1) that this axis spans; how subplots share a page.</summary>
    public IReadOnlyList<double>? Domain { get; init; }
    /// <summary>The axis this one is drawn against ("y2" for "xaxis2"), or "free".</summary>
    public string? Anchor { get; init; }
    /// <summary>d3 format for tick labels, e.g. ".1e" or ".0%".</summary>
    public string? TickFormat { get; init; }
    /// <summary>How exponents show: "power" (10³, nice for learning rates), "e", "E", "SI", "B", "none".</summary>
    public string? ExponentFormat { get; init; }
    public bool? ShowGrid { get; init; }
    public bool? ZeroLine { get; init; }
    /// <summary>Locks this axis's scale to another ("x"), e.g. so a contour plot keeps its aspect ratio.</summary>
    public string? ScaleAnchor { get; init; }
    public double? ScaleRatio { get; init; }

    /// <summary>A log axis showing [<paramref name="min"/>, <paramref name="max"/>] in data units (both &gt; 0).</summary>
    public Axis WithLogRange(double min, double max)
    {
        if (!(min > 0 && max > min && double.IsFinite(max)))
            throw new UsageException($"log axis range [{min}, {max}] is not valid; need 0 < min < max");
        return this with { Type = AxisType.Log, Range = [Math.Log10(min), Math.Log10(max)] };
    }

    void IPlotlyObject.WriteProperties(PlotlyJsonWriter w)
    {
        w.Title("title", Title);
        w.String("type", PlotlyNames.Of(Type));
        w.Numbers("range", Range);
        w.Numbers("domain", Domain);
        w.String("anchor", Anchor);
        w.String("tickformat", TickFormat);
        w.String("exponentformat", ExponentFormat);
        w.Bool("showgrid", ShowGrid);
        w.Bool("zeroline", ZeroLine);
        w.String("scaleanchor", ScaleAnchor);
        w.Number("scaleratio", ScaleRatio);
    }
}
