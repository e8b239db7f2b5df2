using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using GdNotebooks.Experiments;
using GdNotebooks.Interactive.Commands;
using GdNotebooks.Interactive.Formatting;
using GdNotebooks.Interactive.Magics;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// Runs the magic commands of <see cref="MagicCommands.All"/> in the engine: an experiment verb runs with an updating
/// progress display and the cell's cancellation token, then shows its result (chart, table) as a display through the
/// engine's formatter, with its notes on stderr; <c>#!lsmagic</c> lists the table, <c>#!time</c> prints the wall time of
/// the rest of the cell, <c>--help</c> prints a command's help. Bad options throw the parser's <see cref="UsageException"/>,
/// and so does an experiment whose work estimate passes <see cref="Limits"/> without <c>--force</c>.
/// </summary>
public sealed class MagicCommandHandler : IMagicHandler
{
    /// <summary>The time between progress updates (at most 10 a second by default).</summary>
    public TimeSpan ProgressInterval { get; init; } = ProgressDisplay.DefaultInterval;

    /// <summary>How much work a magic may start without <c>--force</c>; tests lower them to exercise a refusal quickly.</summary>
    public WorkLimits Limits { get; init; } = WorkLimits.Default;

    /// <inheritdoc />
    public async Task<bool> InvokeAsync(MagicInvocation invocation, CancellationToken cancellationToken)
    {
        var line = MagicCommands.Parse(invocation.Line);
        if (line.Options.HelpRequested)
        {
            Print(invocation, OutputStream.StandardOutput, line.Command.Help());
            return true;
        }
        switch (line.Command.Kind)
        {
            case MagicKind.Experiment:
                await RunExperimentAsync(invocation, line.Command.Experiment!, line.Options, cancellationToken).ConfigureAwait(false);
                break;
            case MagicKind.ListMagics:
                Print(invocation, OutputStream.StandardOutput, MagicCommands.ListText());
                break;
            case MagicKind.Time:
                var clock = Stopwatch.StartNew();
                invocation.WhenCellEnds.Add(_ => Print(invocation, OutputStream.StandardOutput,
                    string.Create(CultureInfo.InvariantCulture, $"Wall time: {clock.Elapsed.TotalMilliseconds:0.0}ms\n")));
                break;
            case MagicKind.Language:
                break;
        }
        return true;
    }

    /// <inheritdoc />
    public CompletionResult? Complete(string line, int cursor)
    {
        var completion = MagicCommands.Complete(line, cursor);
        return new CompletionResult(completion.Matches, completion.Start, completion.End);
    }

    private async Task RunExperimentAsync(MagicInvocation invocation, ExperimentVerb verb, ParsedCommand options, CancellationToken cancellationToken)
    {
        // The same checks as the CLI, before any work starts.
        var (format, chart, plan) = verb.Prepare(options);
        Limits.Enforce(verb, plan.Estimate, options, WorkLimits.MagicFlag);

        IExperimentResult result;
        using (var progress = new ProgressDisplay(invocation.Output, MagicCommands.Prefix + verb.Name, ProgressInterval))
        {
            try
            {
                // The experiment sees the token; the cell also stops waiting at once, so an interrupt frees the kernel
                // even if an experiment is slow to notice.
                var work = Task.Run(() => plan.Run(progress, cancellationToken), CancellationToken.None);
                _ = work.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                result = await work.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                progress.Finish("interrupted");
                throw;
            }
            catch
            {
                progress.Finish("failed");
                throw;
            }
            progress.Finish("done");
        }

        // The chart file first, as the CLI does: a path that cannot be written is a usage error before any output.
        var source = chart is null ? null : ChartOption.Write(result.ToFigure(), chart);
        foreach (var note in result.Notes) Print(invocation, OutputStream.StandardError, note + "\n");
        // Two outputs, chart then words and table: every front end shows both, whichever mime type it prefers for the chart.
        invocation.Output.Publish(new DisplayProduced(invocation.Formatter.Format(result.ToFigure(), []), Guid.NewGuid().ToString("N")));
        invocation.Output.Publish(new DisplayProduced(SummaryAndTable(result), Guid.NewGuid().ToString("N")));
        if (format != "table") Print(invocation, OutputStream.StandardOutput, format == "csv" ? result.ToCsv() : result.ToJson() + "\n");
        if (source is not null) Print(invocation, OutputStream.StandardError, $"chart written to {chart} ({source.Describe()})\n");
    }

    private static MimeBundle SummaryAndTable(IExperimentResult result) => new(new Dictionary<string, JsonNode>
    {
        ["text/html"] = JsonValue.Create(ResultHtml.SummaryAndTable(result)),
        ["text/plain"] = JsonValue.Create(ResultHtml.PlainText(result) + "\n\n" + result.ToTable()),
    });

    private static void Print(MagicInvocation invocation, OutputStream stream, string text) =>
        invocation.Output.Publish(new StreamText(stream, text));
}
