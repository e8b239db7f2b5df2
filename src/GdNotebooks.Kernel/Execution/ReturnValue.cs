namespace GdNotebooks.Kernel.Execution;

/// <summary>The value of the cell's trailing expression (an expression with no semicolon at the end).</summary>
public sealed record ReturnValue(object? Value, MimeBundle Bundle) : ExecutionEvent;
