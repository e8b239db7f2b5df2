using System.Text.Json;
using System.Text.Json.Nodes;

namespace GdNotebooks.Cli.Notebooks;

/// <summary>
/// Helpers for the <c>data</c> of display outputs: a JSON object from mime type to value. Text types
/// (<c>text/plain</c>, <c>text/html</c>, <c>image/png</c> as base64…) hold one string, which Jupyter writes as a list
/// of lines; JSON types (<c>application/json</c> and <c>application/*+json</c>, e.g. Plotly's
/// <c>application/vnd.plotly.v1+json</c>) hold JSON itself.
/// </summary>
public static class MimeBundle
{
    /// <summary>True for mime types whose value is JSON rather than text, by nbformat's rule.</summary>
    public static bool IsJson(string mimeType) =>
        mimeType == "application/json" || (mimeType.StartsWith("application/", StringComparison.Ordinal) && mimeType.EndsWith("+json", StringComparison.Ordinal));

    /// <summary>
    /// Builds a bundle from formatter output where every value is a string: JSON mime types are parsed (a value that
    /// is not valid JSON is kept as a string), others are kept as text.
    /// </summary>
    public static JsonObject FromStrings(IEnumerable<KeyValuePair<string, string>> values)
    {
        var bundle = new JsonObject();
        foreach (var (mime, value) in values)
            bundle[mime] = IsJson(mime) ? ParseOrText(value) : JsonValue.Create(value);
        return bundle;
    }

    /// <summary>The text held under <paramref name="mimeType"/>, or null when absent or not text.</summary>
    public static string? Text(JsonObject bundle, string mimeType) =>
        bundle[mimeType] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonNode? ParseOrText(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return JupyterJson.ToNode(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            return JsonValue.Create(value);
        }
    }
}
