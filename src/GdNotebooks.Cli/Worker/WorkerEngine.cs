using GdNotebooks.Cli.Running;
using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Cli.Worker;

/// <summary>
/// One notebook's engine inside a <see cref="WorkerProcess"/>: warming up opens a fresh engine there (so no variable of an
/// earlier notebook is seen), cells run on it, and stopping kills the worker. Disposing it leaves the worker running: the
/// runner decides whether the worker, if still <see cref="WorkerProcess.Usable"/>, takes the next notebook.
/// </summary>
public sealed class WorkerEngine(WorkerProcess worker, string? baseDirectory) : ICellEngine
{
    /// <inheritdoc />
    public Task WarmUpAsync(CancellationToken cancel) => worker.OpenAsync(baseDirectory, cancel);

    /// <inheritdoc />
    public Task<ExecutionOutcome> ExecuteAsync(string source, IExecutionSink sink, CancellationToken cancel) =>
        worker.ExecuteAsync(source, sink, cancel);

    /// <inheritdoc />
    public void Stop() => worker.Kill();

    /// <inheritdoc />
    public void Dispose() { }
}
