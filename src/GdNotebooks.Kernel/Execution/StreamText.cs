namespace GdNotebooks.Kernel.Execution;

/// <summary>Console text written by the cell (sent in chunks while it runs, in the order it was written).</summary>
public sealed record StreamText(OutputStream Stream, string Text) : ExecutionEvent;
