namespace GdNotebooks.Kernel.Transport;

/// <summary>
/// One end of a message channel that moves whole multipart messages (a list of byte frames).
/// The protocol layer only ever sees this interface, never libzmq.
/// </summary>
/// <remarks>An instance is used by one thread at a time, except where its owner says otherwise.</remarks>
public interface IMessageSocket : IDisposable
{
    /// <summary>Sends one multipart message. Frames are sent atomically, in order.</summary>
    void Send(IReadOnlyList<byte[]> frames);

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for a whole multipart message.
    /// Returns false when none arrived in time (or the socket was closed).
    /// </summary>
    bool TryReceive(TimeSpan timeout, out IReadOnlyList<byte[]> frames);
}
