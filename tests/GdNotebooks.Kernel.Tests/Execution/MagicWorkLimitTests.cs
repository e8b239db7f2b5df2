using GdNotebooks.Cli;
using GdNotebooks.Interactive.Commands;
using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Kernel.Tests.Execution;

/// <summary>Runaway work in a notebook: a magic beyond the work limits is a UsageError naming --force, and --force runs it.</summary>
public sealed class MagicWorkLimitTests : IDisposable
{
    private readonly ExecutionEngine _engine = NotebookEngine.Create();

    public void Dispose() => _engine.Dispose();

    /// <summary>Per verb: hours of work under the default limits.</summary>
    public static TheoryData<string> Huge() => new()
    {
        "#!descend --problem mlp:data=digits,hidden=[256] --steps 100000",
        "#!lr-sweep --problem mlp:data=digits,hidden=[64] --lrs 1e-3..1:64 --steps 10000",
        "#!lr-find --problem mlp:data=digits,hidden=[256] --steps 100000",
        "#!batch-noise --problem mlp:data=digits,hidden=[256] --samples 100000 --batches 1,8,32,128,full",
        "#!schedule --problem mlp:data=digits,hidden=[64] --steps 100000 --schedule constant --schedule cosine",
        "#!sharpness --problem mlp:data=digits,hidden=[256] --epochs 1000",
        "#!sharpness --eos --problem mlp:data=digits,hidden=[64] --steps 100000",
        "#!landscape --problem mlp:data=digits,hidden=[32] --mode 2d --resolution 1001",
        "#!compare --problem mlp:data=digits,hidden=[64] --steps 100000 --optimizer sgd --optimizer adam",
    };

    private Task<(ExecutionOutcome Outcome, RecordingSink Sink)> Run(string code) => _engine.RunCellAsync(code);

    [Theory]
    [MemberData(nameof(Huge))]
    public async Task Beyond_the_limits_a_magic_is_a_usage_error_naming_force_and_the_CLIs_estimate(string line)
    {
        var (outcome, sink) = await Run(line);

        Assert.Equal(ExecutionStatus.Error, outcome.Status);
        var failure = sink.Single<ExecutionFailed>();
        Assert.Equal(ExecutionFailed.UsageError, failure.ErrorName);
        Assert.Contains(" would take about ", failure.Message);
        Assert.Contains("; pass --force to run it anyway, or lower ", failure.Message);
        Assert.DoesNotContain("--yes", failure.Message);
        Assert.Empty(sink.Events.OfType<DisplayProduced>());   // not even a progress display: nothing started

        // The CLI gives the same estimate, naming its own flag.
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.Equal(Gdnb.Usage, Gdnb.Run(CommandLineSplitter.Split(line[2..]), stdout, stderr));
        Assert.Equal($"gdnb {CommandLineSplitter.Split(line[2..])[0]}: {failure.Message.Replace("--force", "--yes")}\n", stderr.ToString());

        var (next, nextSink) = await Run("1 + 1");
        Assert.Equal(ExecutionStatus.Ok, next.Status);
        Assert.Equal("2", nextSink.Single<ReturnValue>().Bundle.PlainTextValue);
    }

    [Fact]
    public async Task Force_runs_a_magic_just_over_a_lowered_limit()
    {
        const string line = "#!descend --problem \"(w-3)^2\" --init 0 --lr 0.1 --steps 5";
        var experiment = ExperimentCommands.Descend;
        var estimate = experiment.Plan(experiment.Spec.Parse(CommandLineSplitter.Split(line[("#!descend".Length)..]))).Estimate;
        _engine.MagicHandler = new MagicCommandHandler { Limits = new WorkLimits(estimate.Operations, estimate.Bytes - 1, long.MaxValue) };

        var (refused, refusedSink) = await Run(line);
        Assert.Equal(ExecutionStatus.Error, refused.Status);
        Assert.Contains(" of memory; pass --force to run it anyway", refusedSink.Single<ExecutionFailed>().Message);

        var (outcome, sink) = await Run(line + " --force");
        Assert.Equal(ExecutionStatus.Ok, outcome.Status);
        Assert.Equal(3, sink.Events.OfType<DisplayProduced>().Count());
        Assert.Contains("the loss went from 9 to", sink.Events.OfType<DisplayProduced>().Last().Bundle.PlainTextValue);
    }

    [Fact]
    public async Task Beyond_the_machines_memory_force_does_not_help()
    {
        _engine.MagicHandler = new MagicCommandHandler { Limits = new WorkLimits(1, 1, 1) };
        var (outcome, sink) = await Run("#!descend --problem \"(w-3)^2\" --steps 5 --force");
        Assert.Equal(ExecutionStatus.Error, outcome.Status);
        Assert.Contains("so it cannot run here even with --force", sink.Single<ExecutionFailed>().Message);
    }

    [Fact]
    public async Task Lsmagic_and_help_mention_force()
    {
        var (_, sink) = await Run("#!lsmagic");
        Assert.Contains("passes the limits (about 4 min of CPU time or 2 GB of memory) is refused with its estimate; add --force to run it anyway.", sink.StandardOutput);

        (_, sink) = await Run("#!lr-sweep --help");
        Assert.Matches(@"(?m)^  --force +the same as --yes; the flag notebooks use$", sink.StandardOutput);
    }
}
