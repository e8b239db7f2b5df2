using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>complete_request</c>: candidates at a cursor position counted in code points.</summary>
public sealed record CompleteRequest(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("cursor_pos")] int? CursorPosition);
