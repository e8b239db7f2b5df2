using System.Text.Json;
using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>complete_reply</c>: matches replacing the text between cursor_start and cursor_end (code points).</summary>
public sealed record CompleteReply
{
    [JsonPropertyName("status")] public string Status { get; init; } = "ok";
    [JsonPropertyName("matches")] public IReadOnlyList<string> Matches { get; init; } = [];
    [JsonPropertyName("cursor_start")] public int CursorStart { get; init; }
    [JsonPropertyName("cursor_end")] public int CursorEnd { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyDictionary<string, JsonElement> Metadata { get; init; } = new Dictionary<string, JsonElement>();
}
