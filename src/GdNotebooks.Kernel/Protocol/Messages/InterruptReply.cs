using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>interrupt_reply</c>.</summary>
public sealed record InterruptReply([property: JsonPropertyName("status")] string Status = "ok");
