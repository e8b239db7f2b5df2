using System.Globalization;
using System.Text.Json;

namespace GdNotebooks.Kernel.Protocol;

/// <summary>Makes this kernel's messages: fresh ids, its session id, the time, the parent they answer.</summary>
public sealed class MessageSession
{
    /// <summary>This kernel run's session id (random).</summary>
    public string SessionId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The username in headers.</summary>
    public string Username { get; init; } = "kernel";

    /// <summary>A message of <paramref name="messageType"/> with <paramref name="content"/>, answering <paramref name="parent"/>.</summary>
    public JupyterMessage Create(string messageType, object content, MessageHeader? parent, IReadOnlyList<byte[]>? identities = null, object? metadata = null) =>
        new(
            identities ?? [],
            new MessageHeader
            {
                MessageId = Guid.NewGuid().ToString("N"),
                Session = SessionId,
                Username = Username,
                Date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                MessageType = messageType,
            },
            parent,
            metadata is null ? ProtocolJson.EmptyObject : ProtocolJson.ToElement(metadata),
            content is JsonElement element ? element : ProtocolJson.ToElement(content),
            []);
}
