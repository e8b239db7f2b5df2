using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>comm_open</c> from a front end (only its id and target are read).</summary>
public sealed record CommOpen(
    [property: JsonPropertyName("comm_id")] string CommId,
    [property: JsonPropertyName("target_name")] string TargetName);
