using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>kernel_info_reply</c>: who this kernel is and what language it speaks.</summary>
public sealed record KernelInfoReply
{
    [JsonPropertyName("status")] public string Status { get; init; } = "ok";
    [JsonPropertyName("protocol_version")] public string ProtocolVersion { get; init; } = MessageHeader.ProtocolVersion;
    [JsonPropertyName("implementation")] public string Implementation { get; init; } = "gdnotebooks";
    [JsonPropertyName("implementation_version")] public required string ImplementationVersion { get; init; }
    [JsonPropertyName("language_info")] public required LanguageInfo LanguageInfo { get; init; }
    [JsonPropertyName("banner")] public string Banner { get; init; } = "";
    [JsonPropertyName("debugger")] public bool Debugger { get; init; }
    [JsonPropertyName("help_links")] public IReadOnlyList<HelpLink> HelpLinks { get; init; } = [];
}
