using System.Diagnostics;
using GdNotebooks.Experiments;
using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Tests.Experiments;

public class LearningRateSweepTests
{
    private static DescentSettings Parabola(int steps = 60) => new() { Problem = Problem.Parse("(w-3)^2"), Init = [0], Steps = steps };

    [Fact]
    public void On_w_minus_3_squared_every_rate_above_1_diverges_and_every_rate_below_converges()
    {
        // f = (w−3)², f'' = 2: w − 3 is multiplied by 1 − 2α each step, so 2/L = 1 is the exact stability limit.
        double[] below = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99], above = [1.01, 1.05, 1.1, 1.2, 1.3, 1.5];
        var result = LearningRateSweep.Run(Parabola(), [.. below, .. above]);

        Assert.Equal(2, result.LargestCurvature!.Value, 9);
        Assert.Equal(1, result.StabilityLimit!.Value, 9);
        foreach (var row in result.Rows)
        {
            bool shouldDiverge = row.LearningRate > 1;
            Assert.True(shouldDiverge == row.Diverged, $"α = {row.LearningRate}: diverged = {row.Diverged}");
            if (shouldDiverge) Assert.Equal(1, row.DivergedAt);
            else Assert.True(row.FinalLoss < 9, $"α = {row.LearningRate} did not reduce the loss");
        }
        Assert.Equal(0.5, result.Best!.LearningRate);
        Assert.Equal(1, result.Best.StepsToTolerance);
        Assert.Equal(0, result.Best.FinalLoss);

        var figure = ChartJson.Of(result.ToFigure());
        var limit = Assert.Single(ChartJson.Shapes(figure), s => ChartJson.ShapeLabel(s) == "2/L");
        Assert.Equal(1, limit.GetProperty("x0").GetDouble(), 9);
        var crosses = Assert.Single(ChartJson.Traces(figure), t => ChartJson.Name(t) == "diverged");
        Assert.Equal(above, ChartJson.Numbers(crosses, "x").Select(x => x!.Value));
        Assert.Equal("x", crosses.GetProperty("marker").GetProperty("symbol").GetString());
        Assert.Equal("log", figure.GetProperty("layout").GetProperty("xaxis").GetProperty("type").GetString());
        // One loss curve per rate behind the slider.
        Assert.Equal(below.Length + above.Length, figure.GetProperty("layout").GetProperty("sliders")[0].GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public void Summary_and_notes_name_the_diverged_rates_and_the_best()
    {
        var result = LearningRateSweep.Run(Parabola(20), [0.5, 0.9, 1.5]);
        Assert.Contains("α = 1.5 diverged at step 1", result.Summary);
        Assert.Contains("best α = 0.5 reached 0 and was within the tolerance 1e-6 from step 1", result.Summary);
        Assert.Contains("2/L = 1", result.Summary);
        Assert.Equal(result.Summary, result.ToString());
        Assert.Contains(result.Notes, n => n.StartsWith("α = 1.5 diverged at step 1"));
    }

    [Fact]
    public void Quadratic_limit_is_two_over_its_largest_curvature()
    {
        var template = new DescentSettings { Problem = Problem.Parse("quadratic:a=[1,10,100]"), Steps = 200 };
        var result = LearningRateSweep.Run(template, [0.005, 0.0199, 0.0201, 0.05]);
        Assert.Equal(0.02, result.StabilityLimit!.Value, 12);
        Assert.Equal([false, false, true, true], result.Rows.Select(r => r.Diverged));
    }

    [Fact]
    public void Problems_with_a_varying_hessian_have_no_limit()
    {
        var template = new DescentSettings { Problem = Problem.Parse("rosenbrock"), Steps = 20 };
        var result = LearningRateSweep.Run(template, [1e-4, 1e-3]);
        Assert.Null(result.StabilityLimit);
        Assert.DoesNotContain(ChartJson.Shapes(ChartJson.Of(result.ToFigure())), s => ChartJson.ShapeLabel(s) == "2/L");
    }

    [Fact]
    public void Same_result_twice_and_on_one_thread()
    {
        var template = new DescentSettings { Problem = Problem.Parse("logreg:data=breast_cancer"), Steps = 30, BatchSize = 16, Seed = 3 };
        double[] rates = [0.01, 0.1, 1, 10];
        var first = LearningRateSweep.Run(template, rates);
        var again = LearningRateSweep.Run(template, rates);
        var serial = LearningRateSweep.Run(template, rates, maxDegreeOfParallelism: 1);
        Assert.Equal(first.ToCsv(), again.ToCsv());
        Assert.Equal(first.ToCsv(), serial.ToCsv());
        for (int i = 0; i < rates.Length; i++)
        {
            Assert.Equal(first.Rows[i].Trajectory.Losses, serial.Rows[i].Trajectory.Losses);
            Assert.Equal(first.Rows[i].Trajectory.FinalParameters, serial.Rows[i].Trajectory.FinalParameters);
        }
    }

    [Fact]
    public void Csv_has_exactly_the_documented_columns_and_json_has_no_nan()
    {
        var result = LearningRateSweep.Run(Parabola(2000), [0.1, 1.5]);
        var lines = result.ToCsv().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("lr,final_loss,best_loss,diverged,diverged_at,steps_to_tol", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("1.5,inf,9,true,", lines[2]);
        string json = result.ToJson();
        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("Infinity", json);
    }

    [Fact]
    public void Progress_ticks_once_per_rate()
    {
        var ticks = new List<ExperimentProgress>();
        var progress = new SynchronousProgress(p => { lock (ticks) ticks.Add(p); });
        LearningRateSweep.Run(Parabola(10), [0.1, 0.2, 0.3, 0.4, 0.5], progress: progress);
        Assert.Equal(6, ticks.Count); // the 0-of-5 start, then one per rate
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (long)i), ticks.Select(t => t.Done).Order());
        Assert.All(ticks, t => Assert.Equal(5, t.Total));
    }

    [Fact]
    public void Cancellation_stops_a_long_sweep_within_half_a_second()
    {
        var template = new DescentSettings { Problem = Problem.Parse("logreg:data=breast_cancer"), Steps = 10_000_000 };
        var delay = CancellationTiming.StopDelay(ct => LearningRateSweep.Run(template, [0.01, 0.1, 1], cancellationToken: ct), TimeSpan.FromMilliseconds(300));
        Assert.True(delay < TimeSpan.FromMilliseconds(500), $"took {delay.TotalMilliseconds} ms to stop");
    }

    [Fact]
    public void Bad_rates_are_usage_errors()
    {
        Assert.Throws<UsageException>(() => LearningRateSweep.Run(Parabola(), []));
        Assert.Throws<UsageException>(() => LearningRateSweep.Run(Parabola(), [0.1, 0]));
        Assert.Throws<UsageException>(() => LearningRateSweep.Run(Parabola(), [double.NaN]));
    }

    /// <summary>Calls back on the reporting thread (Progress&lt;T&gt; would post to the thread pool and arrive late).</summary>
    internal sealed class SynchronousProgress(Action<ExperimentProgress> report) : IProgress<ExperimentProgress>
    {
        public void Report(ExperimentProgress value) => report(value);
    }
}
