namespace GdNotebooks.Kernel.Execution;

/// <summary>A value shown by <c>display(x)</c>; <paramref name="DisplayId"/> lets later updates replace it.</summary>
public sealed record DisplayProduced(MimeBundle Bundle, string DisplayId) : ExecutionEvent;
