using System.Text.Json;
using GdNotebooks.Charts;

namespace GdNotebooks.Tests.Experiments;

/// <summary>Reads figures back as JSON: from a <see cref="Figure"/>, or from the HTML page that --chart writes.</summary>
internal static class ChartJson
{
    public static JsonElement Of(Figure figure) => JsonDocument.Parse(figure.ToJson()).RootElement.Clone();

    /// <summary>The figure embedded in a page written by <see cref="Figure.WriteHtml"/>.</summary>
    public static JsonElement FromPage(string path)
    {
        string html = File.ReadAllText(path);
        const string marker = "var figure = ";
        int start = html.LastIndexOf(marker, StringComparison.Ordinal); // after any inlined plotly.js
        Assert.True(start >= 0, "no figure JSON in the page");
        start += marker.Length;
        int end = html.IndexOf('\n', start);
        string json = html[start..end].TrimEnd().TrimEnd(';');
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public static JsonElement[] Traces(JsonElement figure) => figure.GetProperty("data").EnumerateArray().ToArray();

    public static string? Name(JsonElement trace) => trace.TryGetProperty("name", out var n) ? n.GetString() : null;

    public static double?[] Numbers(JsonElement trace, string key) =>
        trace.GetProperty(key).EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToArray();

    public static JsonElement[] Shapes(JsonElement figure) =>
        figure.GetProperty("layout").TryGetProperty("shapes", out var s) ? s.EnumerateArray().ToArray() : [];

    public static string? ShapeLabel(JsonElement shape) =>
        shape.TryGetProperty("label", out var l) && l.TryGetProperty("text", out var t) ? t.GetString() : null;
}
