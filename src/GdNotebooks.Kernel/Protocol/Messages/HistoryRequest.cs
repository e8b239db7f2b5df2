using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>history_request</c>: tail, range or search over this kernel's inputs.</summary>
public sealed record HistoryRequest
{
    [JsonPropertyName("output")] public bool Output { get; init; }
    [JsonPropertyName("raw")] public bool Raw { get; init; } = true;
    [JsonPropertyName("hist_access_type")] public string AccessType { get; init; } = "tail";
    [JsonPropertyName("session")] public int Session { get; init; }
    [JsonPropertyName("start")] public int Start { get; init; }
    [JsonPropertyName("stop")] public int? Stop { get; init; }
    [JsonPropertyName("n")] public int? Count { get; init; }
    [JsonPropertyName("pattern")] public string Pattern { get; init; } = "*";
    [JsonPropertyName("unique")] public bool Unique { get; init; }
}
