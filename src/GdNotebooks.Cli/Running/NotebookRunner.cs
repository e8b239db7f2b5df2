using System.Diagnostics;
using System.Globalization;
using GdNotebooks.Cli.Notebooks;
using GdNotebooks.Cli.Worker;
using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Cli.Running;

/// <summary>
/// Executes one notebook headlessly: every code cell in order, in a worker process of gdnb (<see cref="WorkerProcess"/>,
/// no Jupyter needed) holding a fresh engine from <see cref="NotebookEngine.Create"/> (the same one the Jupyter kernel
/// uses), outputs collected by <see cref="OutputCollector"/>, then the executed notebook written atomically. Like nbclient,
/// a notebook stops at its first failing cell — unless the cell is tagged <c>raises-exception</c> — and the cells after
/// it are left unexecuted.
/// </summary>
/// <remarks>
/// <para><b>Worker processes.</b> A stack overflow, <c>Environment.FailFast</c> or a crash in a cell ends the worker, not
/// <c>gdnb run</c>: the cell gets a <c>KernelDied</c> error output naming the exit code or signal (with the first lines
/// of the runtime's report on stderr as its traceback), the notebook stops there as failed, even in a
/// <c>raises-exception</c> cell, and is written with what ran so far. One worker serves notebook after notebook, each
/// on a fresh engine (so starting a process and compiling Roslyn's code is paid once, as it was in-process), until a
/// cell crashes it or it has to be killed; the next notebook then starts a fresh one.</para>
/// <para><b>Timeouts.</b> A cell still running after <see cref="RunOptions.CellTimeout"/> is interrupted: the worker cancels
/// the engine's <see cref="CancellationToken"/> (the <c>CancellationToken</c> cells see), which cooperative code honours.
/// A cell that ignores it (<c>while (true) {}</c>) gets <see cref="RunOptions.CancelGrace"/> more, then its worker is
/// killed with everything it started: the cell gets a <c>CellTimeoutError</c> output saying so, and the notebook is
/// written and counted as failed. A timeout always fails the notebook, even in a <c>raises-exception</c> cell. Ctrl-C
/// (cancelling <c>cancel</c>) interrupts the running cell the same way, killing its worker after the grace.</para>
/// <para>The worker's own stderr (runtime crash reports, kernel warnings) goes to the progress writer as
/// <c>[NAME] worker: …</c> lines. Code cells whose own language (Polyglot's per-cell kernel name) is not C# are skipped
/// with a warning. Dispose the runner to end its worker.</para>
/// </remarks>
public sealed class NotebookRunner : IDisposable
{
    /// <summary>The <c>ename</c> of a cell stopped for running too long (nbclient's name).</summary>
    public const string TimeoutErrorName = "CellTimeoutError";

    /// <summary>The tag of cells that are expected to fail.</summary>
    public const string RaisesExceptionTag = "raises-exception";

    // How long a killed worker may take to be seen gone before the runner moves on regardless.
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);

    private readonly RunOptions _options;
    private readonly TextWriter _progress;
    private WorkerProcess? _worker;
    private volatile string _notebookName = "";

    /// <summary>
    /// A runner with the given options, writing progress lines and warnings to <paramref name="progress"/> (through a
    /// synchronized wrapper: workers' stderr lines arrive from other threads).
    /// </summary>
    public NotebookRunner(RunOptions options, TextWriter progress)
    {
        _options = options;
        _progress = TextWriter.Synchronized(progress);
    }

    /// <summary>
    /// Runs <paramref name="notebook"/> (read from <paramref name="inputPath"/>, whose folder resolves <c>#r</c>) and
    /// writes the executed notebook to <paramref name="outputPath"/>. Changes <paramref name="notebook"/> in place.
    /// Cancelling <paramref name="cancel"/> interrupts the running cell; the notebook is written as far as it got.
    /// </summary>
    /// <exception cref="UsageException">The output cannot be written.</exception>
    public async Task<NotebookRunResult> RunAsync(Notebook notebook, string inputPath, string outputPath, CancellationToken cancel = default)
    {
        string name = Path.GetFileNameWithoutExtension(inputPath);
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();

        Prepare(notebook);
        foreach (var warning in ParameterInjection.Inject(notebook, _options.Parameters)) _progress.WriteLine($"[{name}] warning: {warning}");
        var codeCells = notebook.Cells.Where(c => c.Kind == CellKind.Code).ToList();
        _notebookName = name;
        if (codeCells.Count > 0) _worker ??= new WorkerProcess(line => _progress.WriteLine($"[{_notebookName}] worker: {line}"));
        _progress.WriteLine($"[{name}] running {codeCells.Count} code cell{(codeCells.Count == 1 ? "" : "s")} from {inputPath}"
            + (codeCells.Count > 0 ? $" (worker process {_worker!.ProcessId})" : ""));

        var collector = new OutputCollector();
        var status = NotebookStatus.Ok;
        CellFailure? failure = null;
        int executionCount = 0, cellsRun = 0;
        try
        {
            // Roslyn's first compilation in a process takes seconds; keep it out of the first cell's time limit.
            try
            {
                // Opening a fresh engine in the worker: no variable of an earlier notebook is seen.
                if (codeCells.Count > 0) await _worker!.OpenAsync(Path.GetDirectoryName(Path.GetFullPath(inputPath)), cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                status = NotebookStatus.Interrupted;
            }
            for (int i = 0; i < codeCells.Count && status == NotebookStatus.Ok; i++)
            {
                var cell = codeCells[i];
                string prefix = $"[{name}] cell {i + 1}/{codeCells.Count}";
                if (cell.Language is { } language && !IsCSharp(language))
                {
                    _progress.WriteLine($"{prefix} skipped: its language is {language}; gdnb run runs C# cells only");
                    continue;
                }
                if (cancel.IsCancellationRequested)
                {
                    status = NotebookStatus.Interrupted;
                    break;
                }

                var cellStart = DateTime.UtcNow;
                var cellClock = Stopwatch.StartNew();
                collector.BeginCell(cell, ++executionCount);
                var run = await RunCellAsync(_worker!, cell.Source, collector, cancel).ConfigureAwait(false);
                cellClock.Stop();
                cellsRun++;
                string seconds = Seconds(cellClock.Elapsed);

                string cellStatus;
                if (run.TimedOut)
                {
                    collector.Add(TimeoutOutput(run.Killed));
                    cellStatus = "timeout";
                    status = NotebookStatus.Failed;
                    failure = Failure(i, codeCells.Count, cell, TimeoutErrorName, TimeoutMessage(run.Killed), []);
                    _progress.WriteLine($"{prefix} timed out after {seconds} s{(run.Killed ? "; it ignored cancellation and its worker process was stopped" : "")}");
                }
                else if (run.Interrupted)
                {
                    cellStatus = "interrupted";
                    status = NotebookStatus.Interrupted;
                    _progress.WriteLine($"{prefix} interrupted after {seconds} s{(run.Killed ? "; it ignored the interrupt and its worker process was stopped" : "")}");
                }
                else if (run.Died is not null || (run.Outcome.Status != ExecutionStatus.Ok && !cell.Tags.Contains(RaisesExceptionTag)))
                {
                    cellStatus = "error";
                    status = NotebookStatus.Failed;
                    var error = run.Outcome.Failure;
                    if (run.Died is not null) collector.Add(new ErrorOutput(error!.ErrorName, error.Message, error.Traceback));
                    failure = Failure(i, codeCells.Count, cell, error?.ErrorName ?? "Error", error?.Message ?? "the cell failed", error?.Traceback ?? []);
                    _progress.WriteLine($"{prefix} failed {seconds} s{(run.Died is not null ? "; its worker process died" : "")}");
                }
                else
                {
                    cellStatus = run.Outcome.Status == ExecutionStatus.Ok ? "ok" : "error";
                    _progress.WriteLine($"{prefix} {(cellStatus == "ok" ? "ok" : "raised (expected)")} {seconds} s");
                }
                collector.EndCell();
                RunMetadata.RecordCell(cell, cellStatus, cellStart, cellStart + cellClock.Elapsed);
            }
        }
        finally
        {
            // A worker that crashed, was killed or still runs a cell does not take the next notebook.
            if (_worker is { Usable: false })
            {
                _worker.Dispose();
                _worker = null;
            }
        }

        clock.Stop();
        RunMetadata.RecordNotebook(notebook, status, started, started + clock.Elapsed, failure);
        collector.Locked(() =>
        {
            NotebookFile.Write(notebook, outputPath);
            return 0;
        });
        string verdict = status switch { NotebookStatus.Ok => "ok", NotebookStatus.Failed => "FAILED", _ => "interrupted" };
        _progress.WriteLine($"[{name}] {verdict} in {Seconds(clock.Elapsed)} s, {cellsRun}/{codeCells.Count} cells run → {outputPath}");
        return new NotebookRunResult(inputPath, outputPath, status, clock.Elapsed, cellsRun, codeCells.Count, failure);
    }

    /// <summary>Ends the worker process, if one is running.</summary>
    public void Dispose()
    {
        _worker?.Dispose();
        _worker = null;
    }

    /// <summary>Sets the GdNotebooks kernelspec and C# language info, and clears every earlier run's outputs, counts and records.</summary>
    private static void Prepare(Notebook notebook)
    {
        notebook.Kernelspec = Kernelspec.GdNotebooks;
        notebook.LanguageInfo = Notebooks.LanguageInfo.CSharp;
        notebook.Metadata.Remove(RunMetadata.Key);
        foreach (var cell in notebook.Cells)
        {
            RunMetadata.ClearCell(cell);
            if (cell.Kind != CellKind.Code) continue;
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }
        notebook.EnsureCellIds();
    }

    private async Task<CellRun> RunCellAsync(WorkerProcess worker, string source, OutputCollector collector, CancellationToken cancel)
    {
        using var cellCancel = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var run = Finish(worker.ExecuteAsync(source, collector, cellCancel.Token));

        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var limit = _options.CellTimeout is { } timeout ? Task.Delay(timeout, stopWaiting.Token) : Task.Delay(Timeout.Infinite, stopWaiting.Token);
        if (await Task.WhenAny(run, limit).ConfigureAwait(false) == run)
        {
            await stopWaiting.CancelAsync().ConfigureAwait(false);
            var (finished, died) = await run.ConfigureAwait(false);
            bool interrupted = died is null && finished.Status == ExecutionStatus.Interrupted && cancel.IsCancellationRequested;
            return new CellRun(finished, died, false, interrupted, false);
        }

        bool timedOut = !cancel.IsCancellationRequested;
        if (timedOut) collector.DropFailures();
        await cellCancel.CancelAsync().ConfigureAwait(false); // the worker cancels the cell's token
        bool stopped = await Task.WhenAny(run, Task.Delay(_options.CancelGrace, CancellationToken.None)).ConfigureAwait(false) == run;
        if (!stopped)
        {
            // A cell that ignores its token cannot be stopped inside its process; the process can be.
            worker.Kill();
            if (await Task.WhenAny(run, Task.Delay(KillWait, CancellationToken.None)).ConfigureAwait(false) != run)
                return new CellRun(new ExecutionOutcome(ExecutionStatus.Interrupted), null, timedOut, !timedOut, true);
        }
        var (outcome, gone) = await run.ConfigureAwait(false);
        return new CellRun(outcome, gone, timedOut, !timedOut, !stopped);
    }

    // The cell's outcome, or the report of the worker that died under it.
    private static async Task<(ExecutionOutcome Outcome, KernelDiedException? Died)> Finish(Task<ExecutionOutcome> run)
    {
        try
        {
            return (await run.ConfigureAwait(false), null);
        }
        catch (KernelDiedException e)
        {
            string ename = KernelDiedException.ErrorName;
            return (new ExecutionOutcome(ExecutionStatus.Error, new ExecutionFailed(ename, e.Message, [$"{ename}: {e.Message}", .. e.Details])), e);
        }
        catch (Exception e)
        {
            // The engine reports failures as events; anything thrown is a bug in it, reported like a cell error.
            return (new ExecutionOutcome(ExecutionStatus.Error, new ExecutionFailed(e.GetType().Name, e.Message, [e.ToString()])), null);
        }
    }

    private NotebookOutput TimeoutOutput(bool killed)
    {
        string message = TimeoutMessage(killed);
        return new ErrorOutput(TimeoutErrorName, message, [$"{TimeoutErrorName}: {message}"]);
    }

    private string TimeoutMessage(bool killed)
    {
        string limit = Limit(_options.CellTimeout ?? TimeSpan.Zero);
        string text = $"A cell timed out while it was being executed, after {limit} seconds (--cell-timeout {limit}); it was cancelled.";
        if (killed)
            text += $" It ignored the cancellation for {Limit(_options.CancelGrace)} seconds (--cancel-grace), so the kernel process"
                + " running it was stopped and the notebook stopped here. Pass the cell's CancellationToken to long-running work, or check it in loops.";
        return text;
    }

    private static CellFailure Failure(int index, int count, NotebookCell cell, string ename, string message, IReadOnlyList<string> traceback) =>
        new(index + 1, count, cell.Id, cell.Source, ename, message, traceback);

    private static bool IsCSharp(string language) => language.Trim().ToLowerInvariant() is "csharp" or "c#" or "cs";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString(span.TotalSeconds < 10 ? "0.0#" : "0.#", CultureInfo.InvariantCulture);

    private static string Limit(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private sealed record CellRun(ExecutionOutcome Outcome, KernelDiedException? Died, bool TimedOut, bool Interrupted, bool Killed);
}
