using GdNotebooks.Cli;
using GdNotebooks.Experiments;
using GdNotebooks.Interactive.Commands;

namespace GdNotebooks.Tests.Cli;

/// <summary>
/// Runaway work: every experiment verb estimates its cost before running, refuses beyond <see cref="WorkLimits"/>
/// with exit 2 and the estimate, runs with --yes, and never runs beyond the machine's memory.
/// </summary>
public class WorkLimitCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gdnb-limits-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Per verb: a run of hours (or tens of GB) under the default limits, and the option that drives it.</summary>
    public static TheoryData<string, string, string> Huge() => new()
    {
        { "descend", "--steps", "--problem mlp:data=digits,hidden=[256] --steps 100000" },
        { "lr-sweep", "--lrs", "--problem mlp:data=digits,hidden=[64] --lrs 1e-3..1:64 --steps 10000" },
        { "lr-find", "--steps", "--problem mlp:data=digits,hidden=[256] --steps 100000" },
        { "batch-noise", "--samples", "--problem mlp:data=digits,hidden=[256] --samples 100000 --batches 1,8,32,128,full" },
        { "schedule", "--schedule", "--problem mlp:data=digits,hidden=[64] --steps 100000 --schedule constant --schedule cosine" },
        { "sharpness", "--epochs", "--problem mlp:data=digits,hidden=[256] --epochs 1000" },
        { "sharpness", "--iterations", "--eos --problem mlp:data=digits,hidden=[64] --steps 100000" },
        { "landscape", "--resolution", "--problem mlp:data=digits,hidden=[32] --mode 2d --resolution 1001" },
        { "compare", "--optimizer", "--problem mlp:data=digits,hidden=[64] --steps 100000 --optimizer sgd --optimizer adam" },
    };

    /// <summary>Per verb: a run of well under a second.</summary>
    public static TheoryData<string, string> Small() => new()
    {
        { "descend", "--problem (w-3)^2 --init 0 --lr 0.1 --steps 5" },
        { "lr-sweep", "--problem (w-3)^2 --init 0 --lrs 0.1,0.5 --steps 10" },
        { "lr-find", "--problem logreg:data=breast_cancer --batch 32 --steps 20" },
        { "batch-noise", "--problem linreg:data=diabetes --batches 8,full --samples 10 --lr 0.01 --steps 5" },
        { "schedule", "--problem quadratic:a=[1,10] --steps 10 --schedule constant --schedule cosine" },
        { "sharpness", "--problem mlp:data=iris,hidden=[4],act=tanh --batches 8,full --steps 5 --iterations 3 --probes 2" },
        { "sharpness", "--eos --problem mlp:data=house_prices,hidden=[16],act=tanh --lr 0.003 --steps 20 --every 10" },
        { "landscape", "--problem mlp:data=iris,hidden=[4] --mode 1d --resolution 5 --steps 5" },
        { "compare", "--problem rosenbrock --steps 5 --optimizer sgd --optimizer adam" },
    };

    private static string[] Args(string verb, string options, params string[] more) => [verb, .. CommandLineSplitter.Split(options), .. more];

    private static WorkEstimate Estimate(string verb, string options)
    {
        var experiment = ExperimentCommands.Find(verb)!;
        return experiment.Plan(experiment.Spec.Parse(CommandLineSplitter.Split(options))).Estimate;
    }

    private static (int Exit, string Out, string Err) Run(string[] args, WorkLimits? limits = null, Func<string, bool>? confirm = null)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        int exit = Gdnb.Run(args, stdout, stderr, limits: limits, confirm: confirm);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [MemberData(nameof(Huge))]
    public void Beyond_the_limits_exits_2_with_the_estimate_and_the_flag_and_runs_nothing(string verb, string driver, string options)
    {
        string chart = Path.Combine(_folder, "chart.html");
        var (exit, stdout, stderr) = Run(Args(verb, options, "--chart", chart));

        Assert.True(exit == Gdnb.Usage, $"exit {exit}: {stderr}");
        Assert.Equal("", stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith($"gdnb {verb}: this {verb} would take about ", stderr);
        Assert.Matches(@"of CPU time and hold about [\d.]+ [KMGT]?B \(.+; [\d.,e]+ operations\), beyond the limits? of ", stderr);
        Assert.Contains("; pass --yes to run it anyway, or lower ", stderr);
        Assert.Contains(driver, stderr[stderr.IndexOf("or lower ", StringComparison.Ordinal)..]);
        Assert.DoesNotContain("--force", stderr);
        Assert.False(File.Exists(chart), "nothing ran, so no chart was written");
    }

    [Theory]
    [MemberData(nameof(Small))]
    public void Just_over_a_lowered_limit_it_is_refused_and_yes_runs_it(string verb, string options)
    {
        var estimate = Estimate(verb, options);
        var atTheEstimate = new WorkLimits(estimate.Operations, estimate.Bytes, long.MaxValue);
        var justBelow = atTheEstimate with { MaxOperations = estimate.Operations - 1 };

        var (exit, stdout, stderr) = Run(Args(verb, options, "--format", "csv"), atTheEstimate);
        Assert.True(exit == Gdnb.Ok, $"at the limit it runs: exit {exit}: {stderr}");
        Assert.NotEqual("", stdout);

        (exit, var refused, stderr) = Run(Args(verb, options, "--format", "csv"), justBelow);
        Assert.Equal(Gdnb.Usage, exit);
        Assert.Equal("", refused);
        Assert.Contains("beyond the limit of about ", stderr);
        Assert.Contains("pass --yes to run it anyway", stderr);

        (exit, var confirmed, stderr) = Run(Args(verb, options, "--format", "csv", "--yes"), justBelow);
        Assert.True(exit == Gdnb.Ok, $"--yes runs it: exit {exit}: {stderr}");
        Assert.Equal(stdout.Split('\n')[0], confirmed.Split('\n')[0]);

        // The magic's flag works on the command line too, though the CLI documents --yes.
        (exit, _, stderr) = Run(Args(verb, options, "--force"), justBelow);
        Assert.True(exit == Gdnb.Ok, $"--force runs it: exit {exit}: {stderr}");
    }

    [Fact]
    public void Memory_beyond_the_machine_is_refused_even_with_yes()
    {
        // 10,000 trajectories of 10,000,000 rows each: some 9.5 TB. (Newton's dense Hessian on a large MLP would be
        // another such case, but newton refuses more than 2,048 parameters before any estimate.)
        string[] args = ["lr-sweep", "--problem", "(w-3)^2", "--lrs", "1e-4..1:10000", "--steps", "10000000", "--yes"];
        var (exit, stdout, stderr) = Run(args, WorkLimits.Default with { AvailableBytes = 64L << 30 });

        Assert.Equal(Gdnb.Usage, exit);
        Assert.Equal("", stdout);
        Assert.Matches(@"^gdnb lr-sweep: this lr-sweep would hold about [\d.]+ TB \(10,000 runs of 10,000,000 steps.*\), more than the 64 GB of memory this machine has, so it cannot run here even with --yes; lower --lrs, --steps or --epochs, or use a smaller --problem\n$", stderr);
    }

    [Fact]
    public void At_a_terminal_the_question_is_asked_and_only_yes_runs()
    {
        string[] args = ["descend", "--problem", "(w-3)^2", "--steps", "5"];
        var low = new WorkLimits(1, 1, long.MaxValue);
        var questions = new List<string>();

        var (exit, stdout, _) = Run(args, low, q => { questions.Add(q); return true; });
        Assert.Equal(Gdnb.Ok, exit);
        Assert.NotEqual("", stdout);
        Assert.StartsWith("gdnb descend: this descend would take about ", Assert.Single(questions));

        (exit, stdout, var stderr) = Run(args, low, _ => false);
        Assert.Equal(Gdnb.Usage, exit);
        Assert.Equal("", stdout);
        Assert.Contains("pass --yes to run it anyway", stderr);

        (exit, _, _) = Run([.. args, "--yes"], low, _ => throw new InvalidOperationException("--yes asks nothing"));
        Assert.Equal(Gdnb.Ok, exit);
    }

    [Fact]
    public void Help_names_the_flag_and_the_limits()
    {
        foreach (var verb in ExperimentCommands.All)
        {
            var (exit, stdout, _) = Run([verb.Name, "--help"]);
            Assert.Equal(Gdnb.Ok, exit);
            Assert.Matches(@"(?m)^  --yes +run even if the work estimate passes the limits \(about 4 min of CPU time or 2 GB of memory\)", stdout);
            Assert.Matches(@"(?m)^  --force +the same as --yes", stdout);
        }
        var (_, top, _) = Run(["--help"]);
        Assert.Contains("add --yes to run it anyway", top);
    }

    [Fact]
    public void Existing_small_runs_need_no_confirmation()
    {
        // The heaviest runs of the other CLI tests, under the default limits.
        foreach (var (verb, options) in new[]
                 {
                     ("compare", "--problem rosenbrock --lr 0.001 --steps 1500 --optimizer sgd --optimizer adam"),
                     ("lr-sweep", "--problem (w-3)^2 --lrs 0.1,1.5 --steps 2000"),
                     ("sharpness", "--problem mlp:data=iris,hidden=[4],act=tanh --batches 8,full --epochs 2 --lr 0.2 --iterations 10 --probes 3"),
                     ("descend", "--problem rosenbrock --lr 0.0001 --steps 1000000"),
                 })
        {
            var estimate = Estimate(verb, options);
            Assert.False(WorkLimits.Default.NeedsConfirmation(estimate), $"{verb} {options}: {estimate}");
        }
    }
}
