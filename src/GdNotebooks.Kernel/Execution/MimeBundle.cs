using System.Text.Json.Nodes;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// A value rendered for front ends: mime type → data (a JSON string for text formats, any JSON for
/// <c>application/*+json</c>), plus optional per-mime metadata.
/// </summary>
public sealed record MimeBundle(IReadOnlyDictionary<string, JsonNode> Data, IReadOnlyDictionary<string, JsonNode>? Metadata = null)
{
    /// <summary>A bundle holding only <c>text/plain</c>.</summary>
    public static MimeBundle PlainText(string text) => new(new Dictionary<string, JsonNode> { ["text/plain"] = JsonValue.Create(text) });

    /// <summary>The text/plain rendering, if any.</summary>
    public string? PlainTextValue => Data.TryGetValue("text/plain", out var node) ? node.GetValue<string>() : null;
}
