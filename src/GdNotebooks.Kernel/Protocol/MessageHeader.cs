using System.Text.Json;
using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol;

/// <summary>A Jupyter message header. Fields this kernel does not know (e.g. <c>subshell_id</c>) are kept and echoed back in parent headers.</summary>
public sealed record MessageHeader
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    [JsonPropertyName("msg_id")] public required string MessageId { get; init; }
    [JsonPropertyName("session")] public string Session { get; init; } = "";
    [JsonPropertyName("username")] public string Username { get; init; } = "";
    [JsonPropertyName("date")] public string Date { get; init; } = "";
    [JsonPropertyName("msg_type")] public required string MessageType { get; init; }
    [JsonPropertyName("version")] public string Version { get; init; } = ProtocolVersion;
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }
}
