using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>is_complete_request</c>: would this code run as typed?</summary>
public sealed record IsCompleteRequest([property: JsonPropertyName("code")] string Code);
