using System.Text;
using GdNotebooks.Kernel.Protocol.Messages;
using GdNotebooks.Kernel.Transport;

namespace GdNotebooks.Kernel.Protocol;

/// <summary>
/// Publishes on the iopub channel from any thread (shell, control and the cell's flush timer all do): sends are
/// serialised here because a libzmq socket is not thread-safe. The topic is <c>kernel.{session}.{msg_type}</c>.
/// </summary>
public sealed class IoPubPublisher(IMessageSocket socket, WireCodec codec, MessageSession session)
{
    private readonly object _gate = new();

    /// <summary>Publishes <paramref name="content"/> as <paramref name="messageType"/>, answering <paramref name="parent"/>.</summary>
    public void Publish(string messageType, object content, MessageHeader? parent)
    {
        var topic = Encoding.UTF8.GetBytes($"kernel.{session.SessionId}.{messageType}");
        var frames = codec.Encode(session.Create(messageType, content, parent, [topic]));
        lock (_gate)
        {
            try { socket.Send(frames); }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                KernelLog.Warn($"could not publish {messageType}: {e.Message}");
            }
        }
    }

    /// <summary>Publishes a <c>status</c> message (<c>starting</c>, <c>busy</c>, <c>idle</c>).</summary>
    public void Status(string state, MessageHeader? parent) => Publish(MessageTypes.Status, new StatusContent(state), parent);
}
