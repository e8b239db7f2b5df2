namespace GdNotebooks.Charts;

/// <summary>
/// A slider under the plot: plotly's <c>layout.sliders[]</c>. It runs in the page, so a static notebook output or
/// HTML report lets a reader step through learning rates or batch sizes without a live kernel.
/// </summary>
public sealed record Slider : IPlotlyObject
{
    public required IReadOnlyList<SliderStep> Steps { get; init; }
    /// <summary>Index of the step selected at first.</summary>
    public int? Active { get; init; }
    /// <summary>Text before the current step's label, e.g. "learning rate = ".</summary>
    public string? Prefix { get; init; }
    /// <summary>Position and length as fractions of the figure width.</summary>
    public double? X { get; init; }
    public double? Y { get; init; }
    public double? Length { get; init; }
    /// <summary>Space above the slider in px (keeps it clear of the x axis title).</summary>
    public double? PadTop { get; init; }

    void IPlotlyObject.WriteProperties(PlotlyJsonWriter w)
    {
        w.Int("active", Active);
        if (Prefix is not null)
        {
            w.Json.WriteStartObject("currentvalue");
            w.Bool("visible", true);
            w.String("prefix", Prefix);
            w.Json.WriteEndObject();
        }
        w.Number("x", X);
        w.Number("y", Y);
        w.Number("len", Length);
        if (PadTop is { } top)
        {
            w.Json.WriteStartObject("pad");
            w.Number("t", top);
            w.Json.WriteEndObject();
        }
        w.Objects("steps", Steps);
    }
}
