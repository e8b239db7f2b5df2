using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary>The part of a display message that is not saved in the notebook.</summary>
public sealed record Transient([property: JsonPropertyName("display_id")] string DisplayId);
