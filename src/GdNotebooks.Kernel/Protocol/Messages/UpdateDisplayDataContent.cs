using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary>iopub <c>update_display_data</c>: replaces every output with the same display id.</summary>
public sealed record UpdateDisplayDataContent(
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, JsonNode> Data,
    [property: JsonPropertyName("metadata")] IReadOnlyDictionary<string, JsonNode> Metadata,
    [property: JsonPropertyName("transient")] Transient Transient);
