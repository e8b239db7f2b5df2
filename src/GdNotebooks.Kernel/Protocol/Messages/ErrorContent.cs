using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary>iopub <c>error</c>: what went wrong in the cell.</summary>
public sealed record ErrorContent(
    [property: JsonPropertyName("ename")] string ErrorName,
    [property: JsonPropertyName("evalue")] string ErrorValue,
    [property: JsonPropertyName("traceback")] IReadOnlyList<string> Traceback);
