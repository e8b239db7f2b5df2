namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// One magic line and the means to show results: publish events, format values, and act when the cell ends.
/// </summary>
public sealed record MagicInvocation(string Line, int LineNumber, IExecutionSink Output, IMimeFormatter Formatter)
{
    /// <summary>
    /// Actions the engine runs, last added first, once the rest of the cell (later magics and the C#) has run, with the
    /// cell's outcome, before any failure is published. <c>#!time</c> prints its wall time from here.
    /// </summary>
    public IList<Action<ExecutionOutcome>> WhenCellEnds { get; init; } = new List<Action<ExecutionOutcome>>();
}
