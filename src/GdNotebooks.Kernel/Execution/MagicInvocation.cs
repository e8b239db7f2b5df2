namespace GdNotebooks.Kernel.Execution;

/// <summary>One magic line and the means to show results: publish events, format values.</summary>
public sealed record MagicInvocation(string Line, int LineNumber, IExecutionSink Output, IMimeFormatter Formatter);
