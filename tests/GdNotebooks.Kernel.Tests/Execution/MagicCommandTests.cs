using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using GdNotebooks.Cli;
using GdNotebooks.Interactive.Commands;
using GdNotebooks.Interactive.Magics;
using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Kernel.Tests.Execution;

/// <summary>Magic commands in the notebook engine: experiments, help, errors, #!lsmagic, #!time, completion, interrupts.</summary>
public sealed class MagicCommandTests : IDisposable
{
    private const string Descend = "#!descend --problem \"(w-3)^2\" --init 0 --lr 0.1 --steps 5";
    private readonly ExecutionEngine _engine = NotebookEngine.Create();

    public void Dispose() => _engine.Dispose();

    public static TheoryData<string> Verbs() => new(ExperimentCommands.All.Select(v => v.Name));

    private Task<(ExecutionOutcome Outcome, RecordingSink Sink)> Run(string code, CancellationToken ct = default) => _engine.RunCellAsync(code, ct);

    private static string StandardError(RecordingSink sink) =>
        string.Concat(sink.Events.OfType<StreamText>().Where(s => s.Stream == OutputStream.StandardError).Select(s => s.Text));

    [Fact]
    public async Task Descend_shows_progress_then_the_result_chart_and_table()
    {
        var (outcome, sink) = await Run(Descend);
        Assert.Equal(ExecutionStatus.Ok, outcome.Status);
        var displays = sink.Events.OfType<DisplayProduced>().ToList();
        Assert.Equal(3, displays.Count);
        var (progress, result, table) = (displays[0], displays[1], displays[2]);

        Assert.StartsWith("#!descend: running", progress.Bundle.PlainTextValue);
        var final = sink.Events.OfType<DisplayUpdated>().Last(u => u.DisplayId == progress.DisplayId);
        Assert.StartsWith("#!descend: done after", final.Bundle.PlainTextValue);
        Assert.True(sink.Events.ToList().IndexOf(final) < sink.Events.ToList().IndexOf(result), "the progress finishes before the result shows");

        Assert.Contains("application/vnd.plotly.v1+json", result.Bundle.Data.Keys);
        Assert.DoesNotContain("application/vnd.plotly.v1+json", table.Bundle.Data.Keys);
        Assert.Contains("<th>grad_norm</th>", table.Bundle.Data["text/html"].GetValue<string>());
        Assert.Contains("the loss went from 9 to", table.Bundle.PlainTextValue);
        Assert.Contains("grad_norm", table.Bundle.PlainTextValue);
    }

    [Fact]
    public async Task A_magic_followed_by_csharp_runs_both()
    {
        var (outcome, sink) = await Run(Descend + "\nConsole.WriteLine(\"after\");\n1 + 1");
        Assert.Equal(ExecutionStatus.Ok, outcome.Status);
        Assert.Equal(3, sink.Events.OfType<DisplayProduced>().Count());
        Assert.Equal("after\n", sink.StandardOutput);
        Assert.Equal("2", sink.Single<ReturnValue>().Bundle.PlainTextValue);
    }

    [Fact]
    public async Task Format_csv_also_prints_the_csv_and_notes_go_to_stderr()
    {
        var (_, sink) = await Run("#!descend --problem \"(w-3)^2\" --init 0 --lr 10 --steps 2000 --format csv");
        Assert.StartsWith("step,loss,lr,grad_norm,w0\n0,9,,6,0\n", sink.StandardOutput);
        Assert.Matches(@"^diverged at step \d+\n$", StandardError(sink));
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Every_experiment_verb_is_a_magic_whose_help_is_the_CLIs(string verb)
    {
        Assert.NotNull(MagicCommands.Find(verb));
        var (outcome, sink) = await Run($"#!{verb} --help");
        Assert.Equal(ExecutionStatus.Ok, outcome.Status);
        var cli = InProcessGdnb.Run(verb, "--help");
        Assert.Equal(0, cli.Code);
        Assert.Equal(cli.Out.Replace("usage: gdnb ", "usage: #!"), sink.StandardOutput);
        Assert.Empty(sink.Events.OfType<DisplayProduced>());
    }

    [Theory]
    [InlineData("--problem \"(w-3)^2\" --lr abc")]
    [InlineData("--problem \"(w-3)^2\" --stepz 5")]
    [InlineData("--problem nosuchproblem")]
    [InlineData("--problem \"(w-3)^2\" --optimizer adam:beta9=1")]
    [InlineData("--lr 0.1")]
    public async Task Bad_options_give_the_CLIs_message_as_a_usage_error_and_the_next_cell_runs(string options)
    {
        var (outcome, sink) = await Run("#!descend " + options);
        Assert.Equal(ExecutionStatus.Error, outcome.Status);
        var failure = sink.Single<ExecutionFailed>();
        Assert.Equal("UsageError", failure.ErrorName);
        var cli = InProcessGdnb.Run(["descend", .. CommandLineSplitter.Split(options)]);
        Assert.Equal(Gdnb.Usage, cli.Code);
        Assert.Equal($"gdnb descend: {failure.Message}\n", cli.Err);

        var (next, nextSink) = await Run("1 + 1");
        Assert.Equal(ExecutionStatus.Ok, next.Status);
        Assert.Equal("2", nextSink.Single<ReturnValue>().Bundle.PlainTextValue);
    }

    [Fact]
    public async Task An_unknown_magic_lists_the_valid_ones()
    {
        var (outcome, sink) = await Run("#!descent --problem rosenbrock");
        Assert.Equal(ExecutionStatus.Error, outcome.Status);
        var failure = sink.Single<ExecutionFailed>();
        Assert.Equal("UsageError", failure.ErrorName);
        Assert.Contains("'#!descent'", failure.Message);
        foreach (var magic in MagicCommands.All) Assert.Contains(magic.Usage, failure.Message);
    }

    [Fact]
    public async Task Lsmagic_lists_every_magic_with_its_one_line_help()
    {
        var (_, sink) = await Run("#!lsmagic");
        foreach (var magic in MagicCommands.All)
            Assert.Matches($@"(?m)^  {Regex.Escape(magic.Usage)} +{Regex.Escape(magic.Summary)}$", sink.StandardOutput);
        foreach (var verb in ExperimentCommands.All) Assert.Contains("#!" + verb.Name + " ", sink.StandardOutput);
    }

    [Fact]
    public async Task Time_prints_the_wall_time_of_the_rest_of_the_cell()
    {
        var (outcome, sink) = await Run("#!time\nThread.Sleep(60);\nConsole.WriteLine(\"slept\");");
        Assert.Equal(ExecutionStatus.Ok, outcome.Status);
        var match = Regex.Match(sink.StandardOutput, @"^slept\nWall time: (\d+\.\d)ms\n$");
        Assert.True(match.Success, sink.StandardOutput);
        Assert.InRange(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), 60, 10_000);
    }

    [Fact]
    public async Task Csharp_magic_is_accepted_for_dotnet_interactive_notebooks()
    {
        var (outcome, sink) = await Run("#!csharp\n6 * 7");
        Assert.Equal(ExecutionStatus.Ok, outcome.Status);
        Assert.Equal("42", sink.Single<ReturnValue>().Bundle.PlainTextValue);
    }

    [Fact]
    public void Completion_offers_magic_names_then_options()
    {
        var names = _engine.Complete("#!de", 4);
        Assert.Contains("descend", names.Matches);
        Assert.Equal((2, 4), (names.Start, names.End));

        var code = "#!descend --problem rosenbrock --st";
        var options = _engine.Complete(code, code.Length);
        Assert.Equal(["--steps"], options.Matches);
        Assert.Equal(code.Length - 4, options.Start);

        Assert.Empty(_engine.Complete("#!descend --lr ", 15).Matches);
        Assert.Contains("Sqrt", _engine.Complete("#!time\nMath.Sq", 14).Matches);
    }

    [Fact]
    public async Task An_interrupt_stops_a_long_descent_within_half_a_second_and_the_kernel_runs_the_next_cell()
    {
        using var interrupt = new CancellationTokenSource();
        // About a minute of full-batch steps, each a few milliseconds: long, yet inside the work limits (no --force).
        var cell = Run("#!descend --problem mlp:data=digits,hidden=[64] --lr 0.01 --steps 5000", interrupt.Token);
        await Task.Delay(200);
        Assert.False(cell.IsCompleted, "the descent should still be running");
        var clock = Stopwatch.StartNew();
        interrupt.Cancel();
        var (outcome, sink) = await cell;
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 0.5);
        Assert.Equal(ExecutionStatus.Interrupted, outcome.Status);
        Assert.NotNull(sink.Single<ExecutionFailed>());
        var progress = Assert.Single(sink.Events.OfType<DisplayProduced>());
        Assert.StartsWith("#!descend: interrupted after", sink.Events.OfType<DisplayUpdated>().Last(u => u.DisplayId == progress.DisplayId).Bundle.PlainTextValue);

        var (next, nextSink) = await Run("1 + 1");
        Assert.Equal(ExecutionStatus.Ok, next.Status);
        Assert.Equal("2", nextSink.Single<ReturnValue>().Bundle.PlainTextValue);
    }
}
