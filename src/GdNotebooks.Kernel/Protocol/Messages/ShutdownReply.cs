using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>shutdown_reply</c>.</summary>
public sealed record ShutdownReply(
    [property: JsonPropertyName("restart")] bool Restart,
    [property: JsonPropertyName("status")] string Status = "ok");
