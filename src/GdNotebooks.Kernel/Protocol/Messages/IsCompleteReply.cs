using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>is_complete_reply</c>: complete, incomplete (with the indent for the next line), invalid or unknown.</summary>
public sealed record IsCompleteReply(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("indent")] string? Indent = null);
