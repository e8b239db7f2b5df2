using System.Text.Json.Nodes;

namespace GdNotebooks.Charts;

/// <summary>One choice of an update menu: plotly's <c>layout.updatemenus[].buttons[]</c>; works like a <see cref="SliderStep"/>.</summary>
public sealed record Button : IPlotlyObject
{
    public required string Label { get; init; }
    public PlotlyMethod Method { get; init; } = PlotlyMethod.Restyle;
    /// <summary>Arguments after the graph div, as plotly.js takes them (see <see cref="PlotlyArgs"/>).</summary>
    public required JsonArray Args { get; init; }

    /// <summary>A button that shows trace i exactly when <paramref name="visible"/>[i].</summary>
    public static Button ShowTraces(string label, IReadOnlyList<bool> visible) =>
        new() { Label = label, Method = PlotlyMethod.Restyle, Args = PlotlyArgs.Visibility(visible) };

    void IPlotlyObject.WriteProperties(PlotlyJsonWriter w)
    {
        w.String("label", Label);
        w.String("method", PlotlyNames.Of(Method));
        w.Node("args", Args);
    }
}
