namespace GdNotebooks.Charts;

/// <summary>A row of buttons or a dropdown: plotly's <c>layout.updatemenus[]</c>.</summary>
public sealed record UpdateMenu : IPlotlyObject
{
    public required IReadOnlyList<Button> Buttons { get; init; }
    /// <summary>"dropdown" (plotly's default) or "buttons".</summary>
    public string? Type { get; init; }
    /// <summary>"left", "right", "up" or "down": which way the buttons or the open dropdown run.</summary>
    public string? Direction { get; init; }
    public int? Active { get; init; }
    public bool? ShowActive { get; init; }
    public double? X { get; init; }
    public double? Y { get; init; }
    public string? XAnchor { get; init; }
    public string? YAnchor { get; init; }

    void IPlotlyObject.WriteProperties(PlotlyJsonWriter w)
    {
        w.String("type", Type);
        w.String("direction", Direction);
        w.Int("active", Active);
        w.Bool("showactive", ShowActive);
        w.Number("x", X);
        w.Number("y", Y);
        w.String("xanchor", XAnchor);
        w.String("yanchor", YAnchor);
        w.Objects("buttons", Buttons);
    }
}
