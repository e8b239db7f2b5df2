using System.Diagnostics;
using GdNotebooks.Kernel.Execution;
using Xunit.Abstractions;

namespace GdNotebooks.Kernel.Tests.Execution;

/// <summary>Runs alone, so the memory it measures is its own.</summary>
[CollectionDefinition(nameof(LongSessionSoakCollection), DisableParallelization = true)]
public sealed class LongSessionSoakCollection;

/// <summary>
/// 2,000 cells through the notebook engine with its default chain length: memory and per-cell time stay bounded.
/// Before the fixes this run reached 5.2 GB of managed heap and 0.4 s a cell.
/// </summary>
[Collection(nameof(LongSessionSoakCollection))]
public sealed class LongSessionSoakTests(ITestOutputHelper output)
{
    private const int Cells = 2000;
    private const int ReportEvery = 250;
    private const double ManagedLimitMegabytes = 300;

    [Fact]
    public async Task Two_thousand_cells_keep_memory_and_time_bounded()
    {
        using var engine = NotebookEngine.Create();
        var sink = new CountingSink();
        var managed = new List<double> { ManagedMegabytes() };
        var seconds = new List<double>();
        var clock = Stopwatch.StartNew();
        var batch = Stopwatch.StartNew();
        for (var i = 0; i < Cells; i++)
        {
            var code = (i % 3) switch
            {
                0 => $"var x{i} = {i}; x{i} * 2",
                1 => $"display(new double[] {{ {i}, 2 }}); Console.WriteLine({i});",
                _ => $"Math.Sqrt({i})",
            };
            var outcome = await engine.ExecuteAsync(code, sink);
            Assert.True(outcome.Status == ExecutionStatus.Ok, $"cell {i}: {outcome.Failure}");
            if ((i + 1) % ReportEvery != 0) continue;
            seconds.Add(batch.Elapsed.TotalSeconds);
            managed.Add(ManagedMegabytes());
            output.WriteLine($"{i + 1,5} cells {clock.Elapsed.TotalSeconds,6:F1} s  {1000 * seconds[^1] / ReportEvery,6:F1} ms/cell  "
                + $"managed {managed[^1],6:F1} MB  working set {Environment.WorkingSet / 1e6,7:F1} MB");
            batch.Restart();
        }
        Assert.Equal(Enumerable.Range(0, Cells).Count(i => i % 3 != 1), sink.Count<ReturnValue>());
        Assert.True(engine.ChainSwitches >= Cells / SubmissionChain.DefaultCellsPerChain - 1, $"switches: {engine.ChainSwitches}");

        // Memory: bounded overall, and the last 500 cells grow the heap no faster than the first 500 did.
        Assert.True(managed[^1] < ManagedLimitMegabytes, $"managed heap {managed[^1]:F1} MB");
        var firstGrowth = managed[2] - managed[0];
        var lastGrowth = managed[^1] - managed[^3];
        Assert.True(lastGrowth <= Math.Max(1.5 * firstGrowth, 20), $"growth: first 500 cells {firstGrowth:F1} MB, last 500 {lastGrowth:F1} MB");

        // Time: the last 500 cells are not much slower than the first 500 (generous: CI machines are shared).
        var firstTime = seconds[0] + seconds[1];
        var lastTime = seconds[^1] + seconds[^2];
        Assert.True(lastTime <= 3 * firstTime + 5, $"time: first 500 cells {firstTime:F1} s, last 500 {lastTime:F1} s");
    }

    private static double ManagedMegabytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true) / 1e6;
    }

    private sealed class CountingSink : IExecutionSink
    {
        private readonly Dictionary<Type, int> _counts = [];

        public void Publish(ExecutionEvent executionEvent)
        {
            lock (_counts) _counts[executionEvent.GetType()] = _counts.GetValueOrDefault(executionEvent.GetType()) + 1;
        }

        public int Count<T>() => _counts.GetValueOrDefault(typeof(T));
    }
}
