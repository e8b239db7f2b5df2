namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// Connects script globals (<c>display</c>, <c>ClearOutput</c>) and display handles to the cell that should
/// receive their events: the running cell, or, for a handle updated after its cell ended, the latest cell.
/// </summary>
internal sealed class CellRouter(Func<IMimeFormatter> formatter)
{
    private CellContext? _latest;

    /// <summary>The cell running in the caller's async flow.</summary>
    public CellContext? Current => CellContext.Current;

    /// <summary>Records the cell that just started, for updates that arrive outside any cell.</summary>
    public void Began(CellContext cell) => Volatile.Write(ref _latest, cell);

    /// <summary>Formats and shows a value, returning a handle to replace it.</summary>
    public DisplayHandle Display(object? value, IReadOnlyList<string> mimeTypes)
    {
        var handle = new DisplayHandle(Guid.NewGuid().ToString("N"), Update);
        Publish(new DisplayProduced(formatter().Format(value, mimeTypes), handle.DisplayId));
        return handle;
    }

    /// <summary>Sends an event to the current (or latest) cell.</summary>
    /// <exception cref="InvalidOperationException">No cell has run yet.</exception>
    public void Publish(ExecutionEvent executionEvent)
    {
        var target = Current ?? Volatile.Read(ref _latest)
            ?? throw new InvalidOperationException("display and ClearOutput work only from a running cell");
        target.Publish(executionEvent);
    }

    private void Update(DisplayHandle handle, object? value, IReadOnlyList<string> mimeTypes) =>
        Publish(new DisplayUpdated(formatter().Format(value, mimeTypes), handle.DisplayId));
}
