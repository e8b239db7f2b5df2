using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>inspect_reply</c>: a mime bundle describing the symbol, if one was found.</summary>
public sealed record InspectReply
{
    [JsonPropertyName("status")] public string Status { get; init; } = "ok";
    [JsonPropertyName("found")] public bool Found { get; init; }
    [JsonPropertyName("data")] public IReadOnlyDictionary<string, JsonNode> Data { get; init; } = new Dictionary<string, JsonNode>();
    [JsonPropertyName("metadata")] public IReadOnlyDictionary<string, JsonElement> Metadata { get; init; } = new Dictionary<string, JsonElement>();
}
