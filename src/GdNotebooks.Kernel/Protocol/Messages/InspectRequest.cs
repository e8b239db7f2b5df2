using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>inspect_request</c>: what is at this cursor position (code points)?</summary>
public sealed record InspectRequest(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("cursor_pos")] int? CursorPosition,
    [property: JsonPropertyName("detail_level")] int DetailLevel = 0);
