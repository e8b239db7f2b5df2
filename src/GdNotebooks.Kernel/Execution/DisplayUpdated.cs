namespace GdNotebooks.Kernel.Execution;

/// <summary>A new value for an earlier display, from <see cref="DisplayHandle.Update"/>.</summary>
public sealed record DisplayUpdated(MimeBundle Bundle, string DisplayId) : ExecutionEvent;
