using System.Text.Json;
using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>comm_info_reply</c>: the open comms (this kernel opens none).</summary>
public sealed record CommInfoReply
{
    [JsonPropertyName("status")] public string Status { get; init; } = "ok";
    [JsonPropertyName("comms")] public IReadOnlyDictionary<string, JsonElement> Comms { get; init; } = new Dictionary<string, JsonElement>();
}
