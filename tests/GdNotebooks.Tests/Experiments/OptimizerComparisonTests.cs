using GdNotebooks.Experiments;
using GdNotebooks.Optimizers;
using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Tests.Experiments;

public class OptimizerComparisonTests
{
    private static double DistanceToMinimum(OptimizerRun run) =>
        Math.Sqrt(Math.Pow(run.FinalParameters[0] - 1, 2) + Math.Pow(run.FinalParameters[1] - 1, 2));

    [Fact]
    public void On_rosenbrock_adam_and_momentum_end_closer_to_the_minimum_than_plain_sgd()
    {
        // Same start (−1.5, 2) and budget; plain SGD's rate is near its stability limit in the valley, Adam gets its usual one.
        var template = new DescentSettings { Problem = Problem.Parse("rosenbrock"), LearningRate = 1e-3, Steps = 1500 };
        var result = OptimizerComparison.Run(template,
            [Optimizer.Parse("sgd"), Optimizer.Parse("sgd:momentum=0.9"), Optimizer.Parse("adam")],
            learningRates: [null, null, 0.02]);
        var (sgd, momentum, adam) = (result.Rows[0], result.Rows[1], result.Rows[2]);
        Assert.Equal([-1.5, 2], sgd.Trajectory.Points[0].Parameters!);
        Assert.All(result.Rows, r => Assert.False(r.Diverged));
        Assert.True(DistanceToMinimum(momentum) < DistanceToMinimum(sgd), $"momentum {DistanceToMinimum(momentum)} vs sgd {DistanceToMinimum(sgd)}");
        Assert.True(DistanceToMinimum(adam) < DistanceToMinimum(sgd), $"adam {DistanceToMinimum(adam)} vs sgd {DistanceToMinimum(sgd)}");
        Assert.Equal(0.02, adam.LearningRate);
        Assert.Contains("adam (lr 0.02)", result.Summary);
    }

    [Fact]
    public void Contour_covers_every_trajectory_and_sits_under_them()
    {
        var template = new DescentSettings { Problem = Problem.Parse("rosenbrock"), LearningRate = 1e-3, Steps = 300 };
        var result = OptimizerComparison.Run(template, [Optimizer.Parse("sgd"), Optimizer.Parse("adam")], learningRates: [null, 0.05]);
        var figure = ChartJson.Of(result.ToFigure());
        var traces = ChartJson.Traces(figure);
        var contour = traces[0];
        Assert.Equal("contour", contour.GetProperty("type").GetString());
        double[] gx = ChartJson.Numbers(contour, "x").Select(v => v!.Value).ToArray(), gy = ChartJson.Numbers(contour, "y").Select(v => v!.Value).ToArray();
        var paths = traces.Where(t => t.GetProperty("type").GetString() == "scatter" && (!t.TryGetProperty("xaxis", out var x) || x.GetString() == "x")).ToArray();
        Assert.Equal(2, paths.Length);
        foreach (var path in paths)
        {
            Assert.All(ChartJson.Numbers(path, "x"), x => Assert.InRange(x!.Value, gx[0], gx[^1]));
            Assert.All(ChartJson.Numbers(path, "y"), y => Assert.InRange(y!.Value, gy[0], gy[^1]));
        }
        // Every visited point of every run, not only the drawn ones, lies inside the grid with a margin.
        foreach (var p in result.Rows.SelectMany(r => r.Trajectory.Points))
        {
            Assert.InRange(p.Parameters![0], gx[0], gx[^1]);
            Assert.InRange(p.Parameters[1], gy[0], gy[^1]);
        }
        Assert.True(result.Surface!.LogScale);
        Assert.Equal("log", figure.GetProperty("layout").GetProperty("yaxis2").GetProperty("type").GetString());
    }

    [Fact]
    public void Other_dimensions_draw_only_loss_curves()
    {
        var template = new DescentSettings { Problem = Problem.Parse("quadratic:a=[1,10,100]"), LearningRate = 0.01, Steps = 50 };
        var result = OptimizerComparison.Run(template, [Optimizer.Parse("sgd"), Optimizer.Parse("rmsprop")]);
        Assert.Null(result.Surface);
        var traces = ChartJson.Traces(ChartJson.Of(result.ToFigure()));
        Assert.Equal(["sgd", "rmsprop"], traces.Select(ChartJson.Name));
        Assert.All(traces, t => Assert.Equal("scatter", t.GetProperty("type").GetString()));
    }

    [Fact]
    public void Diverged_optimizers_are_reported_and_json_stays_finite()
    {
        var template = new DescentSettings { Problem = Problem.Parse("rosenbrock"), LearningRate = 0.01, Steps = 400 };
        var result = OptimizerComparison.Run(template, [Optimizer.Parse("sgd"), Optimizer.Parse("adam")]);
        Assert.True(result.Rows[0].Diverged);
        Assert.False(result.Rows[1].Diverged);
        Assert.Contains(result.Notes, n => n.StartsWith("sgd diverged at step"));
        Assert.DoesNotContain("NaN", result.ToJson());
        Assert.DoesNotContain("Infinity", result.ToJson());
        Assert.DoesNotContain("NaN", result.ToFigure().ToJson());

        // SGD's path reaches |w| ≈ 1e80 before the loss overflows; the contour stays on the region that matters.
        Assert.True(result.Rows[0].Trajectory.Points.Any(p => Math.Abs(p.Parameters![0]) > 1e6));
        Assert.InRange(result.Surface!.X[0], -10, -1.5);
        Assert.InRange(result.Surface.X[^1], -1.5, 10);
        var layout = ChartJson.Of(result.ToFigure()).GetProperty("layout");
        Assert.Equal(result.Surface.X[0], layout.GetProperty("xaxis").GetProperty("range")[0].GetDouble());
        Assert.Equal(result.Surface.Y[^1], layout.GetProperty("yaxis").GetProperty("range")[1].GetDouble());
    }

    [Fact]
    public void Deterministic_across_thread_counts()
    {
        var template = new DescentSettings { Problem = Problem.Parse("mlp:data=iris,hidden=[8]"), Steps = 30, BatchSize = 16, Seed = 2, LearningRate = 0.05 };
        Optimizer[] optimizers = [Optimizer.Parse("sgd:momentum=0.9"), Optimizer.Parse("adam"), Optimizer.Parse("rmsprop")];
        var parallel = OptimizerComparison.Run(template, optimizers);
        var serial = OptimizerComparison.Run(template, optimizers, maxDegreeOfParallelism: 1);
        Assert.Equal(parallel.ToCsv(), serial.ToCsv());
        for (int i = 0; i < optimizers.Length; i++)
            Assert.Equal(parallel.Rows[i].FinalParameters, serial.Rows[i].FinalParameters);
    }
}
