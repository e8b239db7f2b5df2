using System.Text.Json.Nodes;

namespace GdNotebooks.Charts;

/// <summary>Builds the <c>args</c> arrays that slider steps and buttons pass to plotly.js.</summary>
public static class PlotlyArgs
{
    /// <summary>
    /// <c>[{"visible": [..]}]</c>: restyle every trace, trace i getting <paramref name="visible"/>[i]
    /// (with <see cref="PlotlyMethod.Update"/> a second, layout object may follow).
    /// </summary>
    public static JsonArray Visibility(IReadOnlyList<bool> visible, IReadOnlyDictionary<string, string>? layoutChanges = null)
    {
        var flags = new JsonArray();
        foreach (bool v in visible) flags.Add(v);
        var args = new JsonArray { new JsonObject { ["visible"] = flags } };
        if (layoutChanges is not null)
        {
            var layout = new JsonObject();
            foreach (var (key, value) in layoutChanges) layout[key] = value;
            args.Add(layout);
        }
        return args;
    }
}
