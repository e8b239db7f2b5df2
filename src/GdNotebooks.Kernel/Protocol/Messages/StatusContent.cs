using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary>iopub <c>status</c>: <c>starting</c>, <c>busy</c> or <c>idle</c>.</summary>
public sealed record StatusContent([property: JsonPropertyName("execution_state")] string ExecutionState);
