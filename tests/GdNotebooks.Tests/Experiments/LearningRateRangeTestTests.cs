using GdNotebooks.Experiments;
using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Tests.Experiments;

public class LearningRateRangeTestTests
{
    [Fact]
    public void Suggestion_on_breast_cancer_lies_where_a_plain_sweep_converges()
    {
        var template = new DescentSettings { Problem = Problem.Parse("logreg:data=breast_cancer"), BatchSize = 32, Seed = 1 };
        var test = LearningRateRangeTest.Run(template, minLr: 1e-5, maxLr: 10, steps: 100);
        double suggested = Assert.IsType<double>(test.SuggestedLearningRate);
        Assert.InRange(suggested, 1e-5, 10);

        // A plain sweep around the suggestion (a factor of 3 either side) trains: no divergence, the loss falls well below ln 2.
        var sweep = LearningRateSweep.Run(template with { Steps = 200 }, [suggested / 3, suggested, suggested * 3]);
        Assert.All(sweep.Rows, r =>
        {
            Assert.False(r.Diverged, $"α = {r.LearningRate} diverged");
            Assert.True(r.FinalLoss < 0.5 * r.Outcome.InitialLoss, $"α = {r.LearningRate} ended at {r.FinalLoss}");
        });
    }

    [Fact]
    public void Rates_grow_exponentially_and_the_smoothed_loss_is_bias_corrected()
    {
        var template = new DescentSettings { Problem = Problem.Parse("quadratic:a=[1,10]") };
        var test = LearningRateRangeTest.Run(template, minLr: 1e-4, maxLr: 1e-2, steps: 5, smoothing: 0.9);
        double[] expected = [1e-4, Math.Pow(10, -3.5), 1e-3, Math.Pow(10, -2.5), 1e-2];
        Assert.Equal(expected.Length, test.Points.Count);
        for (int k = 0; k < expected.Length; k++) Assert.Equal(expected[k], test.Points[k].LearningRate, 1e-15);
        // The first smoothed value is the first loss itself; then m_k = β m_{k−1} + (1 − β) L_k, divided by 1 − β^(k+1).
        Assert.Equal(test.Points[0].Loss, test.Points[0].SmoothedLoss, 12);
        double m = 0.1 * test.Points[0].Loss;
        m = 0.9 * m + 0.1 * test.Points[1].Loss;
        Assert.Equal(m / (1 - 0.81), test.Points[1].SmoothedLoss, 12);
    }

    [Fact]
    public void Stops_once_the_smoothed_loss_passes_four_times_its_best()
    {
        // On a quadratic with L = 100, rates beyond 2/L = 0.02 blow the loss up long before the last rate.
        var template = new DescentSettings { Problem = Problem.Parse("quadratic:a=[1,100]") };
        var test = LearningRateRangeTest.Run(template, minLr: 1e-4, maxLr: 10, steps: 200);
        Assert.NotNull(test.StopReason);
        Assert.True(test.Points.Count < 200);
        var last = test.Points[^1];
        Assert.True(!double.IsFinite(last.SmoothedLoss) || last.SmoothedLoss > 4 * test.Points.Min(p => p.SmoothedLoss));
        Assert.True(last.LearningRate > 0.02);
        Assert.Contains(test.Notes, n => n.StartsWith("stopped early"));

        var figure = ChartJson.Of(test.ToFigure());
        Assert.Equal("log", figure.GetProperty("layout").GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Contains(ChartJson.Traces(figure), t => ChartJson.Name(t) == "smoothed loss");
        if (test.SuggestedLearningRate is double s)
        {
            Assert.Contains(ChartJson.Traces(figure), t => ChartJson.Name(t) == "suggested lr");
            Assert.Contains(ChartJson.Shapes(figure), sh => ChartJson.ShapeLabel(sh)!.StartsWith("suggested lr"));
            Assert.True(s < 0.02, $"suggested {s} is past the stability limit");
        }
    }

    [Fact]
    public void Bad_arguments_are_usage_errors()
    {
        var template = new DescentSettings { Problem = Problem.Parse("rosenbrock") };
        Assert.Throws<UsageException>(() => LearningRateRangeTest.Run(template, minLr: 0));
        Assert.Throws<UsageException>(() => LearningRateRangeTest.Run(template, minLr: 1, maxLr: 1));
        Assert.Throws<UsageException>(() => LearningRateRangeTest.Run(template, steps: 2));
        Assert.Throws<UsageException>(() => LearningRateRangeTest.Run(template, smoothing: 1));
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var template = new DescentSettings { Problem = Problem.Parse("rosenbrock") };
        Assert.ThrowsAny<OperationCanceledException>(() => LearningRateRangeTest.Run(template, cancellationToken: cancel.Token));
    }
}
