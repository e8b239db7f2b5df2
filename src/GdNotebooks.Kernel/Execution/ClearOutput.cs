namespace GdNotebooks.Kernel.Execution;

/// <summary>Clears the cell's output; with <paramref name="Wait"/>, only when the next output arrives (no flicker).</summary>
public sealed record ClearOutput(bool Wait) : ExecutionEvent;
