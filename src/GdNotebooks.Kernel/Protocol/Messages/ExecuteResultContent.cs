using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary>iopub <c>execute_result</c>: the value of the cell's trailing expression.</summary>
public sealed record ExecuteResultContent(
    [property: JsonPropertyName("execution_count")] int ExecutionCount,
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, JsonNode> Data,
    [property: JsonPropertyName("metadata")] IReadOnlyDictionary<string, JsonNode> Metadata);
