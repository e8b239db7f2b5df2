using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary>iopub <c>clear_output</c>.</summary>
public sealed record ClearOutputContent([property: JsonPropertyName("wait")] bool Wait);
