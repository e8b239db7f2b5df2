using System.Text.Json.Nodes;

namespace GdNotebooks.Charts;

/// <summary>
/// One stop of a slider: plotly's <c>layout.sliders[].steps[]</c>. Moving the slider here calls plotly.js's
/// <see cref="Method"/> with <see cref="Args"/>, e.g. <c>restyle</c> with <c>[{"visible": [false, true, …]}]</c>.
/// </summary>
public sealed record SliderStep : IPlotlyObject
{
    public required string Label { get; init; }
    public PlotlyMethod Method { get; init; } = PlotlyMethod.Restyle;
    /// <summary>Arguments after the graph div, as plotly.js takes them (see <see cref="PlotlyArgs"/>).</summary>
    public required JsonArray Args { get; init; }

    /// <summary>A step that shows trace i exactly when <paramref name="visible"/>[i].</summary>
    public static SliderStep ShowTraces(string label, IReadOnlyList<bool> visible) =>
        new() { Label = label, Method = PlotlyMethod.Restyle, Args = PlotlyArgs.Visibility(visible) };

    void IPlotlyObject.WriteProperties(PlotlyJsonWriter w)
    {
        w.String("label", Label);
        w.String("method", PlotlyNames.Of(Method));
        w.Node("args", Args);
    }
}
