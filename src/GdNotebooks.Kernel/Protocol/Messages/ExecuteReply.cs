using System.Text.Json;
using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>execute_reply</c>: status <c>ok</c>, <c>error</c> (with the error fields) or <c>aborted</c>.</summary>
public sealed record ExecuteReply
{
    [JsonPropertyName("status")] public string Status { get; init; } = "ok";
    [JsonPropertyName("execution_count")] public int ExecutionCount { get; init; }
    [JsonPropertyName("payload")] public IReadOnlyList<JsonElement>? Payload { get; init; }
    [JsonPropertyName("user_expressions")] public IReadOnlyDictionary<string, JsonElement>? UserExpressions { get; init; }
    [JsonPropertyName("ename")] public string? ErrorName { get; init; }
    [JsonPropertyName("evalue")] public string? ErrorValue { get; init; }
    [JsonPropertyName("traceback")] public IReadOnlyList<string>? Traceback { get; init; }
}
