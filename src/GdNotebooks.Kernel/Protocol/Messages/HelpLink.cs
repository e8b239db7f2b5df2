using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary>A link shown in the front end's help menu.</summary>
public sealed record HelpLink([property: JsonPropertyName("text")] string Text, [property: JsonPropertyName("url")] string Url);
