namespace GdNotebooks.Kernel.Execution;

/// <summary>The end of a cell: its status and, when it failed, the failure that was published.</summary>
public sealed record ExecutionOutcome(ExecutionStatus Status, ExecutionFailed? Failure = null)
{
    /// <summary>A cell that ran to the end.</summary>
    public static ExecutionOutcome Ok { get; } = new(ExecutionStatus.Ok);
}
