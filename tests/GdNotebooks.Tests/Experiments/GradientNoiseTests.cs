using System.Text.Json;
using GdNotebooks.Experiments;
using GdNotebooks.Problems;
using GdNotebooks.Training;
using Xunit.Abstractions;

namespace GdNotebooks.Tests.Experiments;

public class GradientNoiseTests(ITestOutputHelper output)
{
    private static GradientNoiseSettings Settings(string problem, IReadOnlyList<int?> batches, int samples, bool train = false, int? threads = null) => new()
    {
        Descent = new DescentSettings { Problem = Problem.Parse(problem), LearningRate = 0.05, Steps = 20, Seed = 3 },
        BatchSizes = batches,
        Samples = samples,
        Train = train,
        MaxDegreeOfParallelism = threads,
    };

    [Fact]
    public void Mini_batch_noise_falls_as_one_over_b_within_ten_percent()
    {
        // Least squares on the diabetes data (N = 353) at the start. Without replacement the exact law is
        // tr(Σ)/B·(N−B)/(N−1); 4000 seeded batches per size put the standard error near 2%, so 10% is a 4σ+ margin.
        // (On logreg:data=breast_cancer the per-example deviations are heavy-tailed: B = 1 needs ~4× more samples.)
        var result = GradientNoise.Run(Settings("linreg:data=diabetes", [1, 4, 16, 64, null], 4000));
        output.WriteLine(result.Summary);

        foreach (var m in result.Measurements.Where(m => !m.IsFullBatch))
        {
            output.WriteLine($"B={m.BatchSize}: {m.Variance:G6} ± {m.StandardError:G3} vs {m.Predicted:G6} (ratio {m.Ratio:F4})");
            Assert.True(m.StandardError < 0.034 * m.Predicted, $"B={m.BatchSize}: standard error {m.StandardError} too large for a 3σ test at 10%");
            Assert.InRange(m.Ratio, 0.9, 1.1);
        }
        var full = result.Measurements[^1];
        Assert.True(full.IsFullBatch);
        Assert.Equal(0, full.Variance, 12);
        Assert.Equal(0, full.Predicted);
        Assert.InRange(result.LogLogSlope, -1.15, -0.95);   // the (N−B)/(N−1) factor steepens it a little at B = 64
        Assert.Equal(result.TraceCovariance / result.GradientNormSquared, result.SimpleNoiseScale);
    }

    [Fact]
    public void Per_example_statistics_match_a_direct_computation()
    {
        var result = GradientNoise.Run(Settings("logreg:data=breast_cancer", [1], 10));
        var problem = (IDataProblem)Problem.Parse("logreg:data=breast_cancer");
        var w = problem.InitialPoint(3);
        var g = new double[problem.Dimension];
        problem.LossAndGradient(w, g);
        var gi = new double[problem.Dimension];
        double sum = 0;
        for (int i = 0; i < problem.TrainCount; i++)
        {
            problem.LossAndGradient(w, [i], gi);
            sum += gi.Zip(g, (a, b) => (a - b) * (a - b)).Sum();
        }
        Assert.Equal(sum / problem.TrainCount, result.TraceCovariance, 1e-12);
        Assert.Equal(g.Sum(x => x * x), result.GradientNormSquared, 1e-12);
    }

    [Fact]
    public void Results_are_identical_with_one_thread_and_with_many()
    {
        var one = GradientNoise.Run(Settings("logreg:data=breast_cancer", [2, 16, null], 60, train: true, threads: 1));
        var many = GradientNoise.Run(Settings("logreg:data=breast_cancer", [2, 16, null], 60, train: true, threads: 4));
        Assert.Equal(one.ToJson(), many.ToJson());
        Assert.Equal(one.ToCsv(), many.ToCsv());
    }

    [Fact]
    public void Training_curves_scale_the_learning_rate_and_count_examples()
    {
        var settings = Settings("logreg:data=breast_cancer", [4, 16, null], 10, train: true) with { Scaling = LearningRateScaling.Sqrt };
        settings = settings with { Descent = settings.Descent with { Steps = 0, Epochs = 2 } };
        var result = GradientNoise.Run(settings);

        Assert.Equal([0.05, 0.1, 0.05 * Math.Sqrt(455 / 4.0)], result.Curves.Select(c => c.LearningRate).ToArray(), new ToleranceComparer(1e-12));
        var small = result.Curves[0];
        Assert.Equal(2 * 114, small.Trajectory.Points[^1].Step);   // ⌈455/4⌉ = 114 steps per epoch
        Assert.Equal(2 * 455, small.ExamplesSeen[^1]);
        Assert.Equal(4, small.ExamplesSeen[1]);
        Assert.Equal(2, result.Curves[^1].Trajectory.Points[^1].Step);
        Assert.All(result.Curves, c => Assert.True(c.Trajectory.Losses[^1] < c.Trajectory.Losses[0]));
    }

    [Fact]
    public void Json_has_no_nan_and_the_figure_has_the_law_and_the_curves()
    {
        var result = GradientNoise.Run(Settings("logreg:data=breast_cancer", [1, 8, null], 20, train: true));
        string json = result.ToJson();
        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("Infinity", json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("batches")[2].GetProperty("ratio").ValueKind);

        var names = result.ToFigure().Data.Select(t => t.Name).ToList();
        Assert.Contains("tr(Σ)/B", names);
        Assert.Contains("measured", names);
        Assert.Equal(3 + 2 * 3, names.Count);
        Assert.Contains("B_simple", result.ToFigure().ToJson());
        Assert.Contains("B_simple", result.Summary);
    }

    [Fact]
    public void Cancellation_stops_the_run()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new Progress(() => cancel.Cancel());
        Assert.ThrowsAny<OperationCanceledException>(() =>
            GradientNoise.Run(Settings("logreg:data=breast_cancer", [1, 8], 100000), progress, cancel.Token));
    }

    [Fact]
    public void Analytic_problems_and_bad_sizes_are_usage_errors()
    {
        Assert.Throws<UsageException>(() => GradientNoise.Run(Settings("rosenbrock", [1], 10)));
        Assert.Throws<UsageException>(() => GradientNoise.Run(Settings("linreg:data=diabetes", [0], 10)));
        Assert.Throws<UsageException>(() => GradientNoise.Run(Settings("linreg:data=diabetes", [1], 1)));
    }

    private sealed class Progress(Action onReport) : IProgress<ExperimentProgress>
    {
        public void Report(ExperimentProgress value) => onReport();
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Abs(b));
        public int GetHashCode(double value) => 0;
    }
}
