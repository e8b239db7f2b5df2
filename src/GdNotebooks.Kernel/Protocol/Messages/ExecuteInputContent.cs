using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary>iopub <c>execute_input</c>: the code about to run, for other front ends to show.</summary>
public sealed record ExecuteInputContent(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("execution_count")] int ExecutionCount);
