using System.Text.Json;

namespace GdNotebooks.Kernel.Protocol;

/// <summary>
/// One Jupyter message: routing identities, header, parent header (null when the message answers nothing),
/// metadata and content as JSON objects, and binary buffers.
/// </summary>
public sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    MessageHeader Header,
    MessageHeader? ParentHeader,
    JsonElement Metadata,
    JsonElement Content,
    IReadOnlyList<byte[]> Buffers)
{
    /// <summary>The header's <c>msg_type</c>.</summary>
    public string MessageType => Header.MessageType;

    /// <summary>The content as a typed record.</summary>
    /// <exception cref="JsonException">The content does not fit <typeparamref name="T"/>.</exception>
    public T ContentAs<T>() => Content.Deserialize<T>(ProtocolJson.Options) ?? throw new JsonException($"{MessageType} has null content");
}
