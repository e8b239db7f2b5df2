namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// Sends running cells' buffered console text <see cref="CellContext.FlushInterval"/> after it was written, on one
/// dedicated thread: a thread-pool timer can wait for seconds when the cell's own work fills the pool, and then
/// output meant to stream would arrive all at once at the end of the cell.
/// </summary>
internal static class ConsoleFlusher
{
    private static readonly object Gate = new();
    private static readonly HashSet<CellContext> Waiting = [];
    private static Thread? _thread;

    /// <summary>Flushes <paramref name="cell"/> within one interval; repeated calls before then do nothing more.</summary>
    public static void Schedule(CellContext cell)
    {
        lock (Gate)
        {
            if (!Waiting.Add(cell)) return;
            if (_thread is null)
            {
                _thread = new Thread(Loop) { IsBackground = true, Name = "gdnb console flush" };
                _thread.Start();
            }
            Monitor.Pulse(Gate);
        }
    }

    private static void Loop()
    {
        while (true)
        {
            lock (Gate)
            {
                while (Waiting.Count == 0) Monitor.Wait(Gate);
            }
            Thread.Sleep(CellContext.FlushInterval);
            CellContext[] due;
            lock (Gate)
            {
                due = [.. Waiting];
                Waiting.Clear();
            }
            // Outside the gate: a flush takes the cell's lock, and writers take the cell's lock before scheduling.
            foreach (var cell in due) cell.Flush();
        }
    }
}
