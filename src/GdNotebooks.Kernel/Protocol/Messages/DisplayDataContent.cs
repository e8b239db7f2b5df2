using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary>iopub <c>display_data</c>: a mime bundle, with its display id under <c>transient</c>.</summary>
public sealed record DisplayDataContent(
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, JsonNode> Data,
    [property: JsonPropertyName("metadata")] IReadOnlyDictionary<string, JsonNode> Metadata,
    [property: JsonPropertyName("transient")] Transient? Transient);
