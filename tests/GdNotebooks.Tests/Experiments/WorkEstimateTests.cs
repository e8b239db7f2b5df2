using GdNotebooks.Experiments;
using GdNotebooks.Optimizers;
using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Tests.Experiments;

/// <summary>The estimates next to each experiment's settings: what drives them, and that absurd settings saturate instead of overflowing.</summary>
public class WorkEstimateTests
{
    private static readonly IProblem Digits = Problem.Parse("mlp:data=digits,hidden=[32]");

    private static DescentSettings Descent(int steps = 100, IProblem? problem = null) => new() { Problem = problem ?? Digits, Steps = steps };

    [Fact]
    public void A_descent_costs_a_full_gradient_per_step_and_keeps_and_prints_every_row()
    {
        var hundred = GradientDescent.Estimate(Descent(100));
        var thousand = GradientDescent.Estimate(Descent(1000));
        // 1,437 examples × 2,410 parameters per gradient, at least.
        Assert.InRange(hundred.Operations, 100L * 1437 * 2410, 100L * 1437 * 2410 * 3);
        Assert.InRange(thousand.Operations / (double)hundred.Operations, 9.5, 10.5);
        Assert.True(thousand.Bytes > 1000 * 1000, "a thousand printed rows are more than a kilobyte each");
        Assert.Equal("100 steps on mlp:data=digits,hidden=[32],act=relu,init=he (2,410 parameters, 1,437 training examples), one printed row per step", hundred.Description);
    }

    [Fact]
    public void Newton_on_a_large_network_holds_its_dense_Hessian()
    {
        var problem = Problem.Parse("mlp:data=digits,hidden=[1500]");
        Assert.Equal(112_510, problem.Dimension);
        var estimate = GradientDescent.Estimate(Descent(1, problem) with { Optimizer = Optimizer.Parse("newton") });
        Assert.True(estimate.Bytes >= 80L * 1000 * 1000 * 1000, $"n² doubles are 100 GB; estimated {WorkEstimate.Size(estimate.Bytes)}");
        Assert.Contains("newton's dense 112,510×112,510 Hessian", estimate.Description);
        Assert.True(estimate.Operations > (long)problem.Dimension * problem.Dimension * 1437, "n Hessian-vector products on every example");
    }

    [Fact]
    public void Sweeps_and_comparisons_scale_with_their_runs()
    {
        var one = LearningRateSweep.Estimate(Descent(), 1);
        var many = LearningRateSweep.Estimate(Descent(), 64);
        Assert.InRange(many.Operations / (double)one.Operations, 60, 64.5);
        Assert.StartsWith("64 runs of 100 steps on ", many.Description);

        Assert.InRange(ScheduleComparison.Estimate(Descent(), 4).Operations / (double)ScheduleComparison.Estimate(Descent(), 1).Operations, 3.9, 4.1);
        var sgd = OptimizerComparison.Estimate(Descent(), [Optimizer.Sgd, Optimizer.Parse("adam")]);
        Assert.InRange(sgd.Operations / (double)one.Operations, 1.9, 2.1);
    }

    [Fact]
    public void Experiment_settings_estimate_what_drives_them()
    {
        var sharp = new SharpnessSettings { Descent = Descent(), BatchSizes = [32, null] };
        Assert.True((sharp with { Iterations = 200 }).Estimate.Operations > 2 * sharp.Estimate.Operations);

        var noise = new GradientNoiseSettings { Descent = Descent(10), BatchSizes = [8, 32], Train = false };
        Assert.True((noise with { Samples = 20_000 }).Estimate.Operations > 10 * noise.Estimate.Operations);

        var surface = new LandscapeSettings { Descent = Descent(0), Mode = LandscapeMode.Surface, Resolution = 101 };
        Assert.InRange((surface with { Resolution = 1001 }).Estimate.Operations / (double)surface.Estimate.Operations, 90, 100);

        var eos = new EdgeOfStabilitySettings { Descent = Descent(1000), Every = 10, Iterations = 20 };
        Assert.True((eos with { Every = 1 }).Estimate.Operations > 5 * eos.Estimate.Operations);

        Assert.True(LearningRateRangeTest.Estimate(Descent(), 10_000).Operations > 50 * LearningRateRangeTest.Estimate(Descent(), 100).Operations);
    }

    [Fact]
    public void Absurd_settings_saturate_instead_of_overflowing()
    {
        var estimate = LearningRateSweep.Estimate(Descent(10_000_000, Problem.Parse("mlp:data=digits,hidden=[1024,1024]")), 10_000);
        Assert.Equal(long.MaxValue, estimate.Operations);
        Assert.True(estimate.Bytes > 0);
        Assert.Equal("more than a century", WorkEstimate.Duration(estimate.CpuTime));
    }

    [Theory]
    [InlineData(0.4, "0.4 s")]
    [InlineData(12, "12 s")]
    [InlineData(2400, "40 min")]
    [InlineData(11_520, "3.2 h")]
    [InlineData(1_036_800, "12 days")]
    public void Durations_read_naturally(double seconds, string expected) => Assert.Equal(expected, WorkEstimate.Duration(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(512, "512 B")]
    [InlineData(3_565_158, "3.4 MB")]
    [InlineData(6_549_825_126, "6.1 GB")]
    [InlineData(85_899_345_920, "80 GB")]
    public void Sizes_read_naturally(long bytes, string expected) => Assert.Equal(expected, WorkEstimate.Size(bytes));

    [Fact]
    public void The_summary_names_time_memory_work_and_operations()
    {
        var estimate = new WorkEstimate(1_200_000_000_000, 6_549_825_126, "64 runs of 10,000 steps on rosenbrock (2 parameters)");
        Assert.Equal("about 50 min of CPU time and 6.1 GB (64 runs of 10,000 steps on rosenbrock (2 parameters); 1.2e12 operations)", estimate.ToString());
    }
}
