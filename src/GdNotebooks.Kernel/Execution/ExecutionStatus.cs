namespace GdNotebooks.Kernel.Execution;

/// <summary>How a cell ended.</summary>
public enum ExecutionStatus
{
    /// <summary>Ran to the end.</summary>
    Ok,
    /// <summary>Did not compile, or threw; an <see cref="ExecutionFailed"/> event was published.</summary>
    Error,
    /// <summary>Stopped by an interrupt; an <see cref="ExecutionFailed"/> event was published.</summary>
    Interrupted,
}
