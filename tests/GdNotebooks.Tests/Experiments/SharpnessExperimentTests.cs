using System.Text.Json;
using GdNotebooks.Experiments;
using GdNotebooks.Problems;
using GdNotebooks.Training;
using Xunit.Abstractions;

namespace GdNotebooks.Tests.Experiments;

public class SharpnessExperimentTests(ITestOutputHelper output)
{
    private static SharpnessSettings Settings(int? threads = null) => new()
    {
        Descent = new DescentSettings { Problem = Problem.Parse("mlp:data=digits,hidden=[8],act=tanh,test=0.8"), LearningRate = 0.1, Epochs = 2, Seed = 1 },
        BatchSizes = [16, null],
        Iterations = 15,
        Probes = 4,
        MaxDegreeOfParallelism = threads,
    };

    [Fact]
    public void Small_and_large_batch_runs_report_losses_accuracy_sharpness_trace_and_gap()
    {
        var result = SharpnessExperiment.Run(Settings());
        output.WriteLine(result.Summary);

        Assert.Equal(2, result.Runs.Count);
        var (small, large) = (result.Runs[0], result.Runs[1]);
        Assert.Equal(16, small.BatchSize);
        Assert.True(large.IsFullBatch);
        int n = ((IDataProblem)result.Settings.Descent.Problem).TrainCount;
        Assert.Equal(2 * ((n + 15) / 16), small.Trajectory.Points[^1].Step);   // ⌈N/16⌉ updates per epoch
        Assert.Equal(2, large.Trajectory.Points[^1].Step);
        foreach (var run in result.Runs)
        {
            Assert.True(run.Sharpness > 0);
            Assert.True(run.Trace.Trace > 0);
            Assert.Equal(run.TestLoss - run.TrainLoss, run.GeneralizationGap);
            Assert.InRange(run.TestAccuracy!.Value, 0, 1);
            // The sharpness is the top eigenvalue: λ_max ≤ trace is not guaranteed, but vᵀHv ≤ λ_max for any unit v.
            var problem = (IDataProblem)Problem.Parse(result.Settings.Descent.Problem.Name);
            var v = GdNotebooks.Numerics.PowerIteration.RandomStart(problem.Dimension, 9);
            var hv = new double[v.Length];
            problem.HessianVectorProduct(run.Parameters, v, hv);
            Assert.True(v.Zip(hv, (a, b) => a * b).Sum() <= run.Sharpness * (1 + 1e-6));
        }
        Assert.True(small.TrainLoss < large.TrainLoss, "many more updates should fit the training set better");
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count_and_json_is_finite()
    {
        var one = SharpnessExperiment.Run(Settings(threads: 1));
        var two = SharpnessExperiment.Run(Settings(threads: 2));
        Assert.Equal(one.ToJson(), two.ToJson());
        Assert.DoesNotContain("NaN", one.ToJson());
        using var doc = JsonDocument.Parse(one.ToJson());
        Assert.Equal(2, doc.RootElement.GetProperty("runs").GetArrayLength());
        Assert.StartsWith("batch,full,steps,train_loss,test_loss,gap,train_accuracy,test_accuracy,sharpness,trace,trace_se", one.ToCsv());
        var names = one.ToFigure().Data.Select(t => t.Name).ToList();
        Assert.Equal(new[] { "B=16", $"B=full ({((IDataProblem)one.Settings.Descent.Problem).TrainCount})", "λ_max", "trace / 10", "train loss", "test loss" }, names.Select(n => n ?? "").ToArray());
    }

    [Fact]
    public void Cancellation_stops_promptly()
    {
        var settings = Settings() with { Descent = Settings().Descent with { Epochs = 1000 } };
        var delay = CancellationTiming.StopDelay(ct => SharpnessExperiment.Run(settings, null, ct), TimeSpan.FromMilliseconds(300));
        Assert.True(delay < TimeSpan.FromMilliseconds(500), $"took {delay.TotalMilliseconds} ms to stop");
    }
}
