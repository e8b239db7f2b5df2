using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary>The <c>language_info</c> of a kernel_info_reply: enough for front ends to highlight and save cells.</summary>
public sealed record LanguageInfo
{
    [JsonPropertyName("name")] public string Name { get; init; } = "csharp";
    [JsonPropertyName("version")] public string Version { get; init; } = "";
    [JsonPropertyName("mimetype")] public string MimeType { get; init; } = "text/x-csharp";
    [JsonPropertyName("file_extension")] public string FileExtension { get; init; } = ".cs";
    [JsonPropertyName("pygments_lexer")] public string PygmentsLexer { get; init; } = "csharp";
    [JsonPropertyName("codemirror_mode")] public string CodeMirrorMode { get; init; } = "text/x-csharp";
}
