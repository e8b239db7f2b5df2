using GdNotebooks.Charts;
using GdNotebooks.Cli.Notebooks;
using GdNotebooks.Cli.Running;

namespace GdNotebooks.Cli;

/// <summary>
/// <c>gdnb run NOTEBOOK|DIR … [--out DIR] [--html] [--param name=value …] [--cell-timeout S] [--cancel-grace S]
/// [--fail-fast] [--inplace]</c>: executes notebooks headlessly, in a worker process of gdnb (no Jupyter needed), on the
/// engine the Jupyter kernel uses (<see cref="NotebookRunner"/>), a fresh engine per notebook, and saves them with their
/// outputs. A cell that overflows the stack or crashes ends its worker, never the run: that notebook fails, the next runs
/// in a fresh worker.
/// </summary>
/// <remarks>
/// <para>Every input is read before anything runs, so a missing file, a file that is not a notebook or bad JSON
/// (reported with its line and position) stops the run with exit 2 and nothing executed. Executed notebooks are
/// written atomically as nbformat 4.5 to <c>--out</c> (default <c>artifacts/notebooks/</c>) as <c>NAME.ipynb</c> —
/// .dib inputs too, since .dib cannot hold outputs — or, with <c>--inplace</c>, over their .ipynb inputs. Two inputs
/// that would write the same file are a usage error.</para>
/// <para>Exit codes: 0 when every code cell of every notebook ran (cells tagged <c>raises-exception</c> may fail);
/// 1 when a cell failed, timed out or took its worker process down in any notebook (the executed notebook, error
/// included, is still written; the report — notebook, cell number, the cell's first lines, the error — goes to stderr;
/// other notebooks still run, unless <c>--fail-fast</c>); 2 for usage errors; 130 when interrupted with Ctrl-C.</para>
/// <para>stdout holds only the summary table (<see cref="RunSummary"/>), printed at the end; progress lines
/// (<c>[01-gd-by-hand] cell 3/12 ok 0.2 s</c>), warnings and failure reports go to stderr.</para>
/// </remarks>
public static class RunVerb
{
    /// <summary>Runs the verb; <paramref name="args"/> are the words after <c>run</c>.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancel = default)
    {
        try
        {
            var options = RunOptions.Parse(args);
            if (options is null)
            {
                stdout.Write("usage: gdnb " + RunOptions.Spec.Help());
                return Gdnb.Ok;
            }
            var plan = Plan(options);
            HtmlReport? html = null;
            if (options.Html)
            {
                html = new HtmlReport(PlotlySource.Resolve());
                stderr.WriteLine(html.Plotly.Kind == PlotlySourceKind.Inline
                    ? $"gdnb run: HTML pages inline plotly.js from {html.Plotly.Location} (they work offline)"
                    : $"gdnb run: HTML pages load {html.Plotly.Describe()}; `npm ci` installs an offline copy to inline instead");
            }
            return Execute(options, plan, html, stdout, stderr, cancel);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"gdnb run: {e.Message}");
            return Gdnb.Usage;
        }
    }

    private static List<PlannedRun> Plan(RunOptions options)
    {
        var plan = new List<PlannedRun>();
        var outputs = new Dictionary<string, string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (string input in NotebookInputs.Expand(options.Inputs))
        {
            var notebook = NotebookFile.Read(input);
            string output;
            if (options.InPlace)
            {
                if (NotebookFile.FormatOf(input) != NotebookFormat.Ipynb)
                    throw new UsageException($"--inplace: {input} is a .dib file, which cannot hold outputs; run it without --inplace to get an .ipynb in --out");
                output = input;
            }
            else
            {
                output = Path.Combine(options.OutDirectory, Path.GetFileNameWithoutExtension(input) + ".ipynb");
            }
            if (outputs.TryGetValue(Path.GetFullPath(output), out string? other))
                throw new UsageException($"{other} and {input} would both be written to {output}; run them separately with different --out folders");
            outputs[Path.GetFullPath(output)] = input;
            plan.Add(new PlannedRun(input, notebook, output));
        }
        return plan;
    }

    private static int Execute(RunOptions options, List<PlannedRun> plan, HtmlReport? html, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        // Workers' stderr lines reach the same writer from other threads.
        stderr = TextWriter.Synchronized(stderr);
        using var runner = new NotebookRunner(options, stderr);
        var results = new List<NotebookRunResult>();
        bool stop = false;
        foreach (var run in plan)
        {
            if (stop || cancel.IsCancellationRequested)
            {
                results.Add(new NotebookRunResult(run.Input, run.Output, NotebookStatus.NotRun, TimeSpan.Zero, 0,
                    run.Notebook.Cells.Count(c => c.Kind == CellKind.Code)));
                continue;
            }
            var result = runner.RunAsync(run.Notebook, run.Input, run.Output, cancel).GetAwaiter().GetResult();
            if (result.Failure is { } failure) stderr.Write(failure.Describe(run.Input));
            if (html is not null)
            {
                string page = Path.Combine(options.OutDirectory, result.Name + ".html");
                string href = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(page))!, Path.GetFullPath(run.Output)).Replace('\\', '/');
                result = result with { HtmlPath = page };
                WriteText(page, html.NotebookPage(run.Notebook, result, href));
            }
            results.Add(result);
            if (result.Status == NotebookStatus.Interrupted || (result.Failed && options.FailFast)) stop = true;
        }

        if (html is not null)
        {
            string index = Path.Combine(options.OutDirectory, HtmlReport.IndexFileName);
            WriteText(index, html.IndexPage(results, options.OutDirectory));
            stderr.WriteLine($"gdnb run: wrote {index}");
        }
        stdout.Write(RunSummary.Table(results));
        int failed = results.Count(r => r.Failed), notRun = results.Count(r => r.Status == NotebookStatus.NotRun);
        bool interrupted = results.Any(r => r.Status == NotebookStatus.Interrupted);
        stderr.WriteLine($"gdnb run: {results.Count} notebook{(results.Count == 1 ? "" : "s")}: {results.Count(r => r.Status == NotebookStatus.Ok)} ok, {failed} failed"
            + (notRun > 0 ? $", {notRun} not run{(options.FailFast && !interrupted ? " (--fail-fast)" : "")}" : "")
            + (interrupted ? ", interrupted" : ""));
        return interrupted ? Gdnb.Interrupted : failed > 0 ? Gdnb.Failed : Gdnb.Ok;
    }

    private static void WriteText(string path, string text)
    {
        try
        {
            IO.AtomicFile.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {path}: {e.Message}");
        }
    }

    private sealed record PlannedRun(string Input, Notebook Notebook, string Output);
}
