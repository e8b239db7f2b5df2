using System.Collections.Concurrent;

namespace GdNotebooks.Kernel.Transport;

/// <summary>
/// Two connected in-memory sockets: what one end sends, the other receives. The kernel's end behaves like a
/// router as far as the protocol can tell: replies carry the identity frames the request arrived with.
/// </summary>
public sealed class InMemoryChannel
{
    private readonly BlockingCollection<IReadOnlyList<byte[]>> _toKernel = new();
    private readonly BlockingCollection<IReadOnlyList<byte[]>> _toClient = new();

    public InMemoryChannel()
    {
        KernelEnd = new End(_toClient, _toKernel);
        ClientEnd = new End(_toKernel, _toClient);
    }

    /// <summary>The end handed to the kernel.</summary>
    public IMessageSocket KernelEnd { get; }

    /// <summary>The end a test drives as a front end.</summary>
    public IMessageSocket ClientEnd { get; }

    private sealed class End(BlockingCollection<IReadOnlyList<byte[]>> outbox, BlockingCollection<IReadOnlyList<byte[]>> inbox) : IMessageSocket
    {
        public void Send(IReadOnlyList<byte[]> frames)
        {
            if (frames.Count == 0) throw new ArgumentException("a message needs at least one frame", nameof(frames));
            if (!outbox.IsAddingCompleted) outbox.Add(frames.Select(f => f.ToArray()).ToArray());
        }

        public bool TryReceive(TimeSpan timeout, out IReadOnlyList<byte[]> frames)
        {
            try
            {
                if (inbox.TryTake(out var taken, timeout)) { frames = taken; return true; }
            }
            catch (ObjectDisposedException) { }
            frames = [];
            return false;
        }

        public void Dispose() => outbox.CompleteAdding();
    }
}
