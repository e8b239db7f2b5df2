using System.Text.Json;
using GdNotebooks.Experiments;
using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Tests.Experiments;

public class LossLandscapeTests
{
    private static LandscapeSettings Mlp(LandscapeMode mode, int resolution, int? threads = null, int steps = 20) => new()
    {
        Descent = new DescentSettings { Problem = Problem.Parse("mlp:data=iris,hidden=[6],act=tanh"), LearningRate = 0.5, Steps = steps, Seed = 2 },
        Mode = mode,
        Resolution = resolution,
        MaxDegreeOfParallelism = threads,
    };

    [Fact]
    public void Line_passes_through_both_solutions_and_spans_the_alpha_range()
    {
        var settings = Mlp(LandscapeMode.Line, 9);
        var line = LossLandscape.Line(settings);
        var problem = Problem.Parse(settings.Descent.Problem.Name);
        var start = problem.InitialPoint(2);
        var trained = GradientDescent.Run(settings.Descent).FinalParameters;

        Assert.Equal(-0.5, line.Alphas[0]);
        Assert.Equal(1.5, line.Alphas[^1]);
        Assert.Equal(problem.Loss(start), line.TrainLoss[2], 12);     // α = 0
        Assert.Equal(problem.Loss(trained), line.TrainLoss[6], 12);   // α = 1
        Assert.Equal(((IDataProblem)problem).TestLoss(trained), line.TestLoss![6], 12);
        Assert.StartsWith("alpha,train_loss,test_loss", line.ToCsv());
    }

    [Fact]
    public void Line_between_two_batch_sizes_joins_their_minima()
    {
        var line = LossLandscape.Line(Mlp(LandscapeMode.Line, 5) with { Batches = [8, null] });
        Assert.Equal("B=8 minimum", line.FirstName);
        Assert.Equal("B=full minimum", line.SecondName);
        Assert.True(line.Distance > 0);
        Assert.Throws<UsageException>(() => LossLandscape.Line(Mlp(LandscapeMode.Line, 5) with { Batches = [8] }));
    }

    [Fact]
    public void Surface_is_centred_on_the_trained_point_and_identical_for_any_thread_count()
    {
        var one = LossLandscape.Surface(Mlp(LandscapeMode.Surface, 7, threads: 1));
        var two = LossLandscape.Surface(Mlp(LandscapeMode.Surface, 7, threads: 2));
        Assert.Equal(one.ToJson(), two.ToJson());

        var problem = Problem.Parse(one.Settings.Descent.Problem.Name);
        Assert.Equal(problem.Loss(one.Center), one.CenterLoss, 12);
        // Loss[j, i] is at α = Axis[i], β = Axis[j].
        var w = one.Center.Select((c, k) => c + one.Axis[1] * one.FirstDirection[k] + one.Axis[5] * one.SecondDirection[k]).ToArray();
        Assert.Equal(problem.Loss(w), one.Loss[5, 1], 12);
        Assert.Equal(7 * 7 + 1, one.ToCsv().TrimEnd().Split('\n').Length);
        using var doc = JsonDocument.Parse(one.ToJson());
        Assert.Equal(7, doc.RootElement.GetProperty("loss").GetArrayLength());
    }

    [Fact]
    public void Directions_are_normalised_filter_wise_with_biases_zeroed()
    {
        var problem = Problem.Parse("mlp:data=iris,hidden=[6],act=tanh");
        var w = problem.InitialPoint(4);
        var d = LossLandscape.FilterNormalizedDirection(problem, w, seed: 1);
        foreach (var block in problem.Blocks)
        {
            if (!block.IsMatrix)
            {
                Assert.All(d.Skip(block.Offset).Take(block.Length), x => Assert.Equal(0, x));
                continue;
            }
            for (int r = 0; r < block.Rows; r++)
            {
                int from = block.Offset + r * block.Columns;
                double dn = Math.Sqrt(d.Skip(from).Take(block.Columns).Sum(x => x * x));
                double wn = Math.Sqrt(w.Skip(from).Take(block.Columns).Sum(x => x * x));
                Assert.Equal(wn, dn, 12);
            }
        }
        Assert.Equal(d, LossLandscape.FilterNormalizedDirection(problem, w, seed: 1));
        Assert.NotEqual(d, LossLandscape.FilterNormalizedDirection(problem, w, seed: 2));
    }

    [Fact]
    public void Analytic_problems_scale_the_whole_vector_and_the_figure_has_contour_and_surface()
    {
        var settings = new LandscapeSettings
        {
            Descent = new DescentSettings { Problem = Problem.Parse("rosenbrock"), Steps = 0 },
            Mode = LandscapeMode.Surface,
            Resolution = 5,
        };
        var surface = LossLandscape.Surface(settings);
        double norm = Math.Sqrt(surface.FirstDirection.Sum(x => x * x));
        Assert.Equal(Math.Sqrt(1.5 * 1.5 + 2 * 2), norm, 12);
        var figure = surface.ToFigure();
        Assert.Equal(new[] { "contour", "scatter", "surface" }, figure.Data.Select(t => t.Kind).ToArray());
        Assert.Single(figure.Layout.UpdateMenus);
        Assert.DoesNotContain("NaN", surface.ToJson());
    }

    [Fact]
    public void Bad_settings_are_usage_errors_and_cost_is_estimated()
    {
        Assert.Throws<UsageException>(() => LossLandscape.Run(Mlp(LandscapeMode.Surface, 1)));
        Assert.Throws<UsageException>(() => LossLandscape.Run(Mlp(LandscapeMode.Line, 5) with { From = 1, To = 0 }));
        Assert.Throws<UsageException>(() => LossLandscape.Run(Mlp(LandscapeMode.Surface, 5) with { Span = 0 }));
        Assert.Contains("40,401 loss evaluations on a 201×201 grid", Mlp(LandscapeMode.Surface, 201).Estimate.Description);
        Assert.True(Mlp(LandscapeMode.Surface, 201).Estimate.Operations > 201L * 201 * 1000, "a 201×201 grid of MLP losses is billions of operations");
    }

    [Fact]
    public void Cancellation_stops_a_big_grid_within_half_a_second()
    {
        var settings = new LandscapeSettings
        {
            Descent = new DescentSettings { Problem = Problem.Parse("mlp:data=digits,hidden=[32]"), Steps = 0 },
            Mode = LandscapeMode.Surface,
            Resolution = 201,
        };
        var delay = CancellationTiming.StopDelay(ct => LossLandscape.Surface(settings, null, ct), TimeSpan.FromMilliseconds(300));
        Assert.True(delay < TimeSpan.FromMilliseconds(500), $"took {delay.TotalMilliseconds} ms to stop");
    }
}
