namespace GdNotebooks.Kernel.Protocol;

/// <summary>
/// Remembers the signatures of recent messages so a captured message cannot be sent again: a repeat within
/// the window (the last <see cref="Capacity"/> signatures, as in jupyter_client) is refused. Thread-safe.
/// </summary>
public sealed class ReplayGuard(int capacity = 1 << 16)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>How many signatures are remembered.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Records <paramref name="signature"/>; false if it was already seen.</summary>
    public bool TryAccept(string signature)
    {
        lock (_seen)
        {
            if (!_seen.Add(signature)) return false;
            _order.Enqueue(signature);
            if (_order.Count > Capacity) _seen.Remove(_order.Dequeue());
            return true;
        }
    }
}
