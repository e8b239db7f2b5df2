using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary>iopub <c>stream</c>: console text on <c>stdout</c> or <c>stderr</c>.</summary>
public sealed record StreamOutputContent(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("text")] string Text);
