using System.Text.Json;
using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>execute_request</c>: run a cell.</summary>
public sealed record ExecuteRequest
{
    [JsonPropertyName("code")] public string Code { get; init; } = "";
    [JsonPropertyName("silent")] public bool Silent { get; init; }
    [JsonPropertyName("store_history")] public bool StoreHistory { get; init; } = true;
    [JsonPropertyName("user_expressions")] public Dictionary<string, JsonElement>? UserExpressions { get; init; }
    [JsonPropertyName("allow_stdin")] public bool AllowStdin { get; init; } = true;
    [JsonPropertyName("stop_on_error")] public bool StopOnError { get; init; } = true;
}
