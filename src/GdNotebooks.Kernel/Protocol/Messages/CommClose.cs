using System.Text.Json;
using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>comm_close</c>: sent back for a comm_open whose target this kernel does not have.</summary>
public sealed record CommClose
{
    [JsonPropertyName("comm_id")] public required string CommId { get; init; }
    [JsonPropertyName("data")] public IReadOnlyDictionary<string, JsonElement> Data { get; init; } = new Dictionary<string, JsonElement>();
}
