using GdNotebooks.Experiments;
using GdNotebooks.Problems;
using GdNotebooks.Training;
using Xunit.Abstractions;

namespace GdNotebooks.Tests.Experiments;

public class EdgeOfStabilityTests(ITestOutputHelper output)
{
    /// <summary>
    /// The documented setup: a 1-16-1 tanh MLP regressing house prices (80 training rows, MSE on raw targets), full-batch
    /// GD at η = 0.003, so 2/η ≈ 667. The initial sharpness (~800–900) is above 2/η: within ~100 steps GD
    /// self-stabilises and the sharpness settles at 2/η while the loss keeps falling non-monotonically.
    /// </summary>
    public static EdgeOfStabilitySettings Setup(int seed, int steps = 500) => new()
    {
        Descent = new DescentSettings { Problem = Problem.Parse("mlp:data=house_prices,hidden=[16],act=tanh"), LearningRate = 0.003, Steps = steps, Seed = seed },
        Every = 20,
        Iterations = 20,
    };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Full_batch_gd_ends_with_sharpness_within_15_percent_of_two_over_eta(int seed)
    {
        var result = EdgeOfStability.Run(Setup(seed));
        output.WriteLine(result.Summary);
        foreach (var p in result.Sharpness) output.WriteLine($"{p.Step} {p.Loss:G5} {p.Sharpness:G5}");

        Assert.Null(result.DivergedAt);
        Assert.Equal(2 / 0.003, result.Threshold, 9);
        Assert.InRange(result.LateSharpness / result.Threshold, 0.85, 1.15);
        Assert.InRange(result.FinalSharpness / result.Threshold, 0.85, 1.15);
        Assert.True(result.Losses[^1] < 0.01 * result.Losses[0]);
    }

    [Fact]
    public void Sharpness_is_measured_every_k_steps_and_at_the_end_and_the_chart_draws_two_over_eta()
    {
        var result = EdgeOfStability.Run(Setup(0, steps: 45) with { Every = 20 });
        Assert.Equal([0, 20, 40, 45], result.Sharpness.Select(p => p.Step).ToArray());
        Assert.Equal(46, result.Losses.Count);
        var figure = result.ToFigure();
        Assert.Equal(new[] { "loss", "sharpness", "2/η" }, figure.Data.Select(t => t.Name ?? "").ToArray());
        Assert.StartsWith("step,loss,sharpness,two_over_lr", result.ToCsv());
        Assert.DoesNotContain("NaN", result.ToJson());
        Assert.Equal(result.ToJson(), EdgeOfStability.Run(Setup(0, steps: 45) with { Every = 20 }).ToJson());
    }

    [Fact]
    public void Mini_batches_are_rejected_and_cancellation_is_prompt()
    {
        var setup = Setup(0);
        Assert.Throws<UsageException>(() => EdgeOfStability.Run(setup with { Descent = setup.Descent with { BatchSize = 8 } }));
        Assert.Throws<UsageException>(() => EdgeOfStability.Run(setup with { Every = 0 }));

        var delay = CancellationTiming.StopDelay(ct => EdgeOfStability.Run(Setup(0, steps: 1_000_000), null, ct), TimeSpan.FromMilliseconds(300));
        Assert.True(delay < TimeSpan.FromMilliseconds(500), $"took {delay.TotalMilliseconds} ms to stop");
    }
}
