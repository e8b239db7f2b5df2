using System.Text.Json;
using GdNotebooks.Charts;

namespace GdNotebooks.Tests.Charts;

/// <summary>Helpers that read a figure's JSON back the way plotly.js will.</summary>
internal static class FigureJson
{
    public static JsonElement Parse(Figure figure)
    {
        using var document = JsonDocument.Parse(figure.ToJson());
        return document.RootElement.Clone();
    }

    public static JsonElement Trace(Figure figure, int index = 0) => Parse(figure).GetProperty("data")[index];
    public static JsonElement Layout(Figure figure) => Parse(figure).GetProperty("layout");

    public static string[] Names(JsonElement obj) => obj.EnumerateObject().Select(p => p.Name).ToArray();
    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
    public static bool[] Bools(JsonElement array) => array.EnumerateArray().Select(e => e.GetBoolean()).ToArray();
}
