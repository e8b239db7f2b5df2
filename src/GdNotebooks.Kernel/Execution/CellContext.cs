using System.Text;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// One running cell's link to its sink. Console text is buffered and sent within <see cref="FlushInterval"/> by
/// <see cref="ConsoleFlusher"/> (and before any other event, so order is kept); every sink call happens under one lock.
/// Found through an <see cref="AsyncLocal{T}"/>, so tasks and threads the cell starts write to the right cell.
/// </summary>
internal sealed class CellContext : IExecutionSink, IDisposable
{
    /// <summary>How long console text may wait before it is sent.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

    private const int FlushSize = 16 * 1024;
    private static readonly AsyncLocal<CellContext?> Ambient = new();

    private readonly IExecutionSink _sink;
    private readonly object _gate = new();
    private readonly StringBuilder _pending = new();
    private OutputStream _pendingStream;
    private bool _completed;

    public CellContext(IExecutionSink sink, CancellationToken cancellationToken)
    {
        _sink = sink;
        CancellationToken = cancellationToken;
    }

    /// <summary>The cell running in this async flow, if any.</summary>
    public static CellContext? Current => Ambient.Value is { _completed: false } c ? c : null;

    /// <summary>Cancelled by an interrupt.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Makes this the current cell for the calling async flow (and whatever it starts).</summary>
    public void Enter() => Ambient.Value = this;

    /// <summary>Queues console text; it is sent within <see cref="FlushInterval"/>.</summary>
    public void Write(OutputStream stream, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_completed) { Fallback(stream, text); return; }
            if (_pending.Length > 0 && _pendingStream != stream) FlushLocked();
            _pendingStream = stream;
            _pending.Append(text);
            if (_pending.Length >= FlushSize) FlushLocked();
            else ConsoleFlusher.Schedule(this);
        }
    }

    /// <summary>Sends pending console text, then <paramref name="executionEvent"/>.</summary>
    public void Publish(ExecutionEvent executionEvent)
    {
        lock (_gate)
        {
            FlushLocked();
            Deliver(executionEvent);
        }
    }

    /// <summary>Sends pending console text now.</summary>
    public void Flush()
    {
        lock (_gate) FlushLocked();
    }

    /// <summary>Flushes and stops routing: later console writes from stray threads go to the kernel's own console.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            FlushLocked();
            _completed = true;
        }
    }

    private void FlushLocked()
    {
        if (_pending.Length == 0) return;
        var text = _pending.ToString();
        _pending.Clear();
        Deliver(new StreamText(_pendingStream, text));
    }

    private void Deliver(ExecutionEvent executionEvent)
    {
        try { _sink.Publish(executionEvent); }
        catch (Exception e) { KernelLog.Warn($"could not deliver {executionEvent.GetType().Name}: {e.Message}"); }
    }

    private static void Fallback(OutputStream stream, string text) =>
        (stream == OutputStream.StandardError ? ConsoleCapture.OriginalError : ConsoleCapture.OriginalOut).Write(text);
}
