using GdNotebooks.Cli;
using GdNotebooks.Interactive.Commands;
using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Kernel.Tests.Execution;

/// <summary>
/// Malformed magic commands in the engine, a cross-section of the CLI's bad-input tables per magic: each is an error
/// output named UsageError whose message is exactly what <c>gdnb VERB</c> prints for the same options, no result is
/// shown, and the next cell in the same engine runs.
/// </summary>
public sealed class MagicBadInputTests : IDisposable
{
    private readonly ExecutionEngine _engine = NotebookEngine.Create();
    private readonly string _blocker = Path.Combine(Path.GetTempPath(), $"gdnb-blocker-{Guid.NewGuid():N}");

    public MagicBadInputTests() => File.WriteAllText(_blocker, "a file where a folder would go");

    public void Dispose()
    {
        _engine.Dispose();
        File.Delete(_blocker);
    }

    /// <summary>(verb, options as typed after <c>#!verb</c>).</summary>
    public static TheoryData<string, string> ExperimentCases => new()
    {
        { "descend", "--problem \"(w-3\"" },
        { "descend", "--problem \"sinn(w)\"" },
        { "descend", "--problem \"2+2\"" },
        { "descend", "--problem mlp:data=mnist" },
        { "descend", "--problem \"mlp:hidden=[100000,100000]\"" },
        { "descend", "--problem \"(w-3)^2\" --lr NaN" },
        { "descend", "--problem \"(w-3)^2\" --steps -5" },
        { "descend", "--problem \"(w-3)^2\" --steps 99999999999" },
        { "descend", "--problem \"(w-3)^2\" --stepz 3" },
        { "descend", "--problem \"(w-3)^2\" --seed" },
        { "descend", "--problem \"(w-3)^2\" --optimizer adam:beta3=0.9" },
        { "descend", "--problem \"(w-3)^2\" --schedule cosin" },
        { "descend", "--problem \"(w-3)^2\" --format xml" },
        { "descend", "--problem logreg --batch 0" },
        { "lr-sweep", "--problem \"(w-3)^2\"" },
        { "lr-sweep", "--problem \"(w-3)^2\" --lrs \" \"" },
        { "lr-sweep", "--problem \"(w-3)^2\" --lrs 1e-4..10:0" },
        { "lr-sweep", "--problem \"(w-3)^2\" --lrs 1e-4..10:20000" },
        { "lr-sweep", "--problem \"(w-3)^2\" --lrs 0.1,NaN" },
        { "lr-sweep", "--problem \"(w-3)^2\" --lrs 0.1 --lr 0.5" },
        { "lr-find", "--problem \"(w-3)^2\" --min-lr 0" },
        { "lr-find", "--problem \"(w-3)^2\" --smoothing 1" },
        { "lr-find", "--problem \"(w-3)^2\" --lr 0.1" },
        { "batch-noise", "--problem \"(w-3)^2\"" },
        { "batch-noise", "--problem linreg:data=diabetes --batches 0,8" },
        { "batch-noise", "--problem linreg:data=diabetes --scale-lr cubic" },
        { "batch-noise", "--problem linreg:data=diabetes --samples 2000000000" },
        { "batch-noise", "--problem linreg:data=diabetes --batch 8" },
        { "schedule", "--problem \"(w-3)^2\"" },
        { "schedule", "--problem \"(w-3)^2\" --schedule cosin" },
        { "schedule", "--problem \"(w-3)^2\" --schedule constant --warmup -2" },
        { "sharpness", "--problem \"(w-3)^2\"" },
        { "sharpness", "--problem logreg:data=breast_cancer --probes 2000000000" },
        { "sharpness", "--problem logreg:data=breast_cancer --every 5" },
        { "landscape", "--problem \"(w-3)^2\" --mode 3d" },
        { "landscape", "--problem \"(w-3)^2\" --mode 2d --resolution 1000000" },
        { "landscape", "--problem \"(w-3)^2\" --from -1e308 --to 1e308" },
        { "landscape", "--problem \"(w-3)^2\" --mode 2d --span 0" },
        { "compare", "--problem \"(w-3)^2\"" },
        { "compare", "--problem \"(w-3)^2\" --optimizer adamm" },
        { "compare", "--problem \"(w-3)^2\" --optimizer adam:lr=x" },
        { "compare", "--problem \"(w-3)^2\" --optimizer sgd --clip-norm 0" },
    };

    [Theory]
    [MemberData(nameof(ExperimentCases))]
    public async Task A_bad_experiment_magic_is_the_CLIs_usage_error_and_the_next_cell_runs(string verb, string options)
    {
        var cli = InProcessGdnb.Run([verb, .. CommandLineSplitter.Split(options)]);
        Assert.Equal(Gdnb.Usage, cli.Code);

        var failure = await Refused($"#!{verb} {options}");
        Assert.Equal($"gdnb {verb}: {failure.Message}\n", cli.Err);
    }

    [Fact]
    public async Task A_chart_that_cannot_be_written_is_a_usage_error_naming_the_path()
    {
        string chart = Path.Combine(_blocker, "chart.html");
        var failure = await Refused($"#!descend --problem \"(w-3)^2\" --steps 3 --chart {chart}");
        Assert.StartsWith($"--chart {chart}: cannot write the chart", failure.Message);
        Assert.Equal($"gdnb descend: {failure.Message}\n", InProcessGdnb.Run("descend", "--problem", "(w-3)^2", "--steps", "3", "--chart", chart).Err);
    }

    /// <summary>(cell, fragments the message must hold, result charts shown before the failure): the kernel's own magics, lines that are not magics, several magics in a cell.</summary>
    public static TheoryData<string, string[], int> OtherCases => new()
    {
        { "#!lsmagic --all", ["unknown option '--all'", "lsmagic takes no options (only --help)"], 0 },
        { "#!lsmagic extra", ["unexpected argument 'extra'"], 0 },
        { "#!time --precise\n1 + 1", ["unknown option '--precise'", "time takes no options"], 0 },
        { "#!time 5\n1 + 1", ["unexpected argument '5'"], 0 },
        { "#!csharp --version\n1", ["unknown option '--version'", "csharp takes no options"], 0 },
        { "#!", ["#! needs a magic command name", "#!descend", "#!lsmagic"], 0 },
        { "#!descent --problem rosenbrock", ["unknown magic command '#!descent'", "#!descend", "#!time"], 0 },
        { "#!descend --problem \"(w-3)^2", ["unclosed \" quote"], 0 },
        { "#!time\n#!descend --problem \"(w-3)^2\" --lr abc", ["--lr: 'abc' is not a number"], 0 },
        { "#!descend --problem \"(w-3)^2\" --steps 3\n#!lr-sweep --problem \"(w-3)^2\"", ["lr-sweep needs --lrs"], 1 },
    };

    [Theory]
    [MemberData(nameof(OtherCases))]
    public async Task A_bad_kernel_magic_is_a_usage_error_naming_the_bad_part_and_the_next_cell_runs(string cell, string[] expected, int charts)
    {
        var failure = await Refused(cell, charts);
        foreach (string fragment in expected) Assert.Contains(fragment, failure.Message);
    }

    /// <summary>Runs the cell, checks it failed with one UsageError and no result chart, then that the engine still answers.</summary>
    private async Task<ExecutionFailed> Refused(string cell, int charts = 0)
    {
        var sink = new RecordingSink();
        var outcome = await _engine.ExecuteAsync(cell, sink);
        Assert.Equal(ExecutionStatus.Error, outcome.Status);
        var failure = sink.Single<ExecutionFailed>();
        Assert.True(failure.ErrorName == ExecutionFailed.UsageError, $"{failure.ErrorName}: {failure.Message}");
        Assert.Equal(charts, sink.Events.OfType<DisplayProduced>().Count(d => d.Bundle.Data.ContainsKey("application/vnd.plotly.v1+json")));

        var next = new RecordingSink();
        var nextOutcome = await _engine.ExecuteAsync("1 + 1", next);
        Assert.Equal(ExecutionStatus.Ok, nextOutcome.Status);
        Assert.Equal("2", next.Single<ReturnValue>().Bundle.PlainTextValue);
        return failure;
    }
}
