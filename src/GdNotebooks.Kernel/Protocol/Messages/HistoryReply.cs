using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>history_reply</c>: entries <c>[session, line, input]</c> or <c>[session, line, [input, output]]</c>.</summary>
public sealed record HistoryReply(
    [property: JsonPropertyName("history")] IReadOnlyList<JsonArray> History,
    [property: JsonPropertyName("status")] string Status = "ok");
