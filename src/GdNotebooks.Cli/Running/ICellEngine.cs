using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Cli.Running;

/// <summary>
/// What <see cref="NotebookRunner"/> runs one notebook's cells on: an engine holding the notebook's state from cell to
/// cell. The default, <see cref="Worker.WorkerEngine"/>, keeps that engine in a worker process of gdnb, so a cell that
/// overflows the stack or never stops costs that process, never the runner.
/// </summary>
public interface ICellEngine : IDisposable
{
    /// <summary>Gets the engine ready (Roslyn's first compilation takes seconds), so that time stays out of the first cell's limit.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled first.</exception>
    Task WarmUpAsync(CancellationToken cancel);

    /// <summary>
    /// Runs one cell: its events reach <paramref name="sink"/> in order, all before this returns (a display may still be
    /// updated later, from a thread the cell started). Cancelling <paramref name="cancel"/> interrupts the cell.
    /// </summary>
    /// <exception cref="KernelDiedException">The process running the cells ended, before or while the cell ran.</exception>
    Task<ExecutionOutcome> ExecuteAsync(string source, IExecutionSink sink, CancellationToken cancel);

    /// <summary>Ends the cells' process at once (and whatever it started), for a cell that ignores its interrupt.</summary>
    void Stop();
}
