using System.Text;
using System.Text.Json;

namespace GdNotebooks.Kernel.Protocol;

/// <summary>
/// Jupyter's wire format: <c>[identities…, "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata,
/// content, buffers…]</c>. Signs every message it encodes; checks signature, replay, size and JSON shape of every
/// message it decodes.
/// </summary>
public sealed class WireCodec(MessageSigner signer, ReplayGuard? replayGuard = null)
{
    /// <summary>The delimiter between routing identities and the message proper.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    /// <summary>Most routing identities accepted in front of a message.</summary>
    public const int MaxIdentities = 32;

    /// <summary>Most binary buffers accepted after the content.</summary>
    public const int MaxBuffers = 64;

    /// <summary>Largest total size of the four JSON parts.</summary>
    public const int MaxJsonBytes = 64 << 20;

    private readonly ReplayGuard _replayGuard = replayGuard ?? new ReplayGuard();

    /// <summary>The signer used both ways.</summary>
    public MessageSigner Signer => signer;

    /// <summary>The frames for <paramref name="message"/>, signed.</summary>
    public IReadOnlyList<byte[]> Encode(JupyterMessage message)
    {
        var parts = new[]
        {
            JsonSerializer.SerializeToUtf8Bytes(message.Header, ProtocolJson.Options),
            message.ParentHeader is null ? "{}"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(message.ParentHeader, ProtocolJson.Options),
            JsonSerializer.SerializeToUtf8Bytes(message.Metadata, ProtocolJson.Options),
            JsonSerializer.SerializeToUtf8Bytes(message.Content, ProtocolJson.Options),
        };
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        frames.AddRange(parts);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>Reads and checks a received message.</summary>
    /// <exception cref="MessageRejectedException">The message must be dropped; the message says why.</exception>
    public JupyterMessage Decode(IReadOnlyList<byte[]> frames)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count && i <= MaxIdentities; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) { delimiter = i; break; }
        if (delimiter < 0) throw new MessageRejectedException($"no <IDS|MSG> delimiter within the first {MaxIdentities + 1} frames");
        if (frames.Count < delimiter + 6) throw new MessageRejectedException($"truncated message: {frames.Count - delimiter - 1} frames after the delimiter, 5 needed");
        if (frames.Count - delimiter - 6 > MaxBuffers) throw new MessageRejectedException($"more than {MaxBuffers} buffers");

        var signature = frames[delimiter + 1];
        var parts = new[] { frames[delimiter + 2], frames[delimiter + 3], frames[delimiter + 4], frames[delimiter + 5] };
        if (parts.Sum(p => (long)p.Length) > MaxJsonBytes) throw new MessageRejectedException($"JSON parts larger than {MaxJsonBytes} bytes");
        if (signer.IsSigning)
        {
            if (signature.Length == 0) throw new MessageRejectedException("missing signature");
            if (!signer.Verify(signature, parts)) throw new MessageRejectedException("bad signature");
            if (!_replayGuard.TryAccept(Encoding.ASCII.GetString(signature))) throw new MessageRejectedException("replayed message (signature seen before)");
        }

        try
        {
            var header = JsonSerializer.Deserialize<MessageHeader>(parts[0], ProtocolJson.Options)
                ?? throw new MessageRejectedException("null header");
            var parent = Object(parts[1], "parent_header");
            return new JupyterMessage(
                frames.Take(delimiter).ToArray(),
                header,
                parent.TryGetProperty("msg_id", out _) ? parent.Deserialize<MessageHeader>(ProtocolJson.Options) : null,
                Object(parts[2], "metadata"),
                Object(parts[3], "content"),
                frames.Skip(delimiter + 6).ToArray());
        }
        catch (JsonException e)
        {
            throw new MessageRejectedException("invalid JSON: " + e.Message);
        }
    }

    private static JsonElement Object(byte[] json, string what)
    {
        var element = JsonSerializer.Deserialize<JsonElement>(json, ProtocolJson.Options);
        if (element.ValueKind != JsonValueKind.Object) throw new MessageRejectedException($"{what} is not a JSON object");
        return element;
    }
}
