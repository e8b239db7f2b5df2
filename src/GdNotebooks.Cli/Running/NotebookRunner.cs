using System.Diagnostics;
using System.Globalization;
using GdNotebooks.Cli.Notebooks;
using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Cli.Running;

/// <summary>
/// Executes one notebook headlessly: every code cell in order, in a fresh engine from
/// <see cref="NotebookEngine.Create"/> (the same one the Jupyter kernel uses), outputs collected by
/// <see cref="OutputCollector"/>, then the executed notebook written atomically. Like nbclient, a notebook stops at
/// its first failing cell — unless the cell is tagged <c>raises-exception</c> — and the cells after it are left
/// unexecuted.
/// </summary>
/// <remarks>
/// <para><b>Timeouts.</b> Each cell runs on its own thread. A cell still running after <see cref="RunOptions.CellTimeout"/>
/// is cancelled through the engine's <see cref="CancellationToken"/> (the <c>CancellationToken</c> cells see), which
/// cooperative code honours. A cell that ignores it (<c>while (true) {}</c>) cannot be stopped inside a process, so the
/// runner waits <see cref="RunOptions.CancelGrace"/> more, then abandons the cell's thread and its engine and moves on:
/// the cell gets a <c>CellTimeoutError</c> output saying it was abandoned, the notebook is written and counted as
/// failed. Abandoned threads are background threads, so the process still ends when <c>gdnb run</c> returns (exit 1);
/// until then such a thread keeps one core busy. Events it emits later are ignored.</para>
/// <para>A timeout always fails the notebook, even in a <c>raises-exception</c> cell. Code cells whose own language
/// (Polyglot's per-cell kernel name) is not C# are skipped with a warning.</para>
/// </remarks>
public sealed class NotebookRunner
{
    /// <summary>The <c>ename</c> of a cell stopped for running too long (nbclient's name).</summary>
    public const string TimeoutErrorName = "CellTimeoutError";

    /// <summary>The tag of cells that are expected to fail.</summary>
    public const string RaisesExceptionTag = "raises-exception";

    private readonly RunOptions _options;
    private readonly TextWriter _progress;

    /// <summary>A runner with the given options, writing progress lines and warnings to <paramref name="progress"/>.</summary>
    public NotebookRunner(RunOptions options, TextWriter progress)
    {
        _options = options;
        _progress = progress;
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
        _progress.WriteLine($"[{name}] running {codeCells.Count} code cell{(codeCells.Count == 1 ? "" : "s")} from {inputPath}");

        var collector = new OutputCollector();
        var engine = NotebookEngine.Create(Path.GetDirectoryName(Path.GetFullPath(inputPath)));
        var status = NotebookStatus.Ok;
        CellFailure? failure = null;
        bool abandoned = false;
        int executionCount = 0, cellsRun = 0;
        try
        {
            // Roslyn's first compilation in a process takes seconds; keep it out of the first cell's time limit.
            try
            {
                if (codeCells.Count > 0) await engine.WarmUpAsync().WaitAsync(cancel).ConfigureAwait(false);
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
                var run = await RunCellAsync(engine, cell.Source, collector, cancel).ConfigureAwait(false);
                cellClock.Stop();
                cellsRun++;
                abandoned |= run.Abandoned;
                string seconds = Seconds(cellClock.Elapsed);

                string cellStatus;
                if (run.TimedOut)
                {
                    collector.Add(TimeoutOutput(run.Abandoned));
                    cellStatus = "timeout";
                    status = NotebookStatus.Failed;
                    failure = Failure(i, codeCells.Count, cell, TimeoutErrorName, TimeoutMessage(run.Abandoned), []);
                    _progress.WriteLine($"{prefix} timed out after {seconds} s{(run.Abandoned ? "; it ignored cancellation and was abandoned" : "")}");
                }
                else if (run.Interrupted)
                {
                    cellStatus = "interrupted";
                    status = NotebookStatus.Interrupted;
                    _progress.WriteLine($"{prefix} interrupted after {seconds} s");
                }
                else if (run.Outcome.Status != ExecutionStatus.Ok && !cell.Tags.Contains(RaisesExceptionTag))
                {
                    cellStatus = "error";
                    status = NotebookStatus.Failed;
                    var error = run.Outcome.Failure;
                    failure = Failure(i, codeCells.Count, cell, error?.ErrorName ?? "Error", error?.Message ?? "the cell failed", error?.Traceback ?? []);
                    _progress.WriteLine($"{prefix} failed {seconds} s");
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
            // An abandoned cell still holds the engine; leave it to the garbage collector with its thread.
            if (!abandoned) engine.Dispose();
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

    private async Task<CellRun> RunCellAsync(ExecutionEngine engine, string source, OutputCollector collector, CancellationToken cancel)
    {
        using var cellCancel = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        // Its own thread: a cell that never yields (a tight loop) must not hold the runner's thread or a pool thread.
        var run = Task.Factory.StartNew(() => engine.ExecuteAsync(source, collector, cellCancel.Token),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var limit = _options.CellTimeout is { } timeout ? Task.Delay(timeout, stopWaiting.Token) : Task.Delay(Timeout.Infinite, stopWaiting.Token);
        if (await Task.WhenAny(run, limit).ConfigureAwait(false) == run)
        {
            await stopWaiting.CancelAsync().ConfigureAwait(false);
            var finished = await Outcome(run).ConfigureAwait(false);
            bool interrupted = finished.Status == ExecutionStatus.Interrupted && cancel.IsCancellationRequested;
            return new CellRun(finished, false, interrupted, false);
        }

        bool timedOut = !cancel.IsCancellationRequested;
        if (timedOut) collector.DropFailures();
        await cellCancel.CancelAsync().ConfigureAwait(false);
        bool stopped = await Task.WhenAny(run, Task.Delay(_options.CancelGrace, CancellationToken.None)).ConfigureAwait(false) == run;
        var outcome = stopped ? await Outcome(run).ConfigureAwait(false) : new ExecutionOutcome(ExecutionStatus.Interrupted);
        if (!stopped) _ = run.ContinueWith(t => t.Exception, TaskScheduler.Default); // observe a late fault
        return new CellRun(outcome, timedOut, !timedOut, !stopped);
    }

    private static async Task<ExecutionOutcome> Outcome(Task<ExecutionOutcome> run)
    {
        try { return await run.ConfigureAwait(false); }
        catch (Exception e)
        {
            // The engine reports failures as events; anything thrown is a bug in it, reported like a cell error.
            return new ExecutionOutcome(ExecutionStatus.Error, new ExecutionFailed(e.GetType().Name, e.Message, [e.ToString()]));
        }
    }

    private NotebookOutput TimeoutOutput(bool abandoned)
    {
        string message = TimeoutMessage(abandoned);
        return new ErrorOutput(TimeoutErrorName, message, [$"{TimeoutErrorName}: {message}"]);
    }

    private string TimeoutMessage(bool abandoned)
    {
        string limit = Limit(_options.CellTimeout ?? TimeSpan.Zero);
        string text = $"A cell timed out while it was being executed, after {limit} seconds (--cell-timeout {limit}); it was cancelled.";
        if (abandoned)
            text += $" It ignored the cancellation for {Limit(_options.CancelGrace)} seconds (--cancel-grace), so it was abandoned"
                + " and the notebook stopped here. Pass the cell's CancellationToken to long-running work, or check it in loops.";
        return text;
    }

    private static CellFailure Failure(int index, int count, NotebookCell cell, string ename, string message, IReadOnlyList<string> traceback) =>
        new(index + 1, count, cell.Id, cell.Source, ename, message, traceback);

    private static bool IsCSharp(string language) => language.Trim().ToLowerInvariant() is "csharp" or "c#" or "cs";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString(span.TotalSeconds < 10 ? "0.0#" : "0.#", CultureInfo.InvariantCulture);

    private static string Limit(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private sealed record CellRun(ExecutionOutcome Outcome, bool TimedOut, bool Interrupted, bool Abandoned);
}
