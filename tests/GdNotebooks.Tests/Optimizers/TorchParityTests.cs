using GdNotebooks.Optimizers;
using GdNotebooks.Schedules;
using GdNotebooks.Specs;
using GdNotebooks.Training;
using Xunit.Abstractions;

namespace GdNotebooks.Tests.Optimizers;

/// <summary>
/// Our optimizers and schedules against trajectories recorded from torch.optim (PyTorch 1.13, float64, 200 steps):
/// every optimizer and option, clipping, centralization and every schedule including warmup.
/// <para>
/// Tolerance: |ours − torch| ≤ 1e-9 · max(|torch|, 1e-6) for every parameter after every step and for every
/// learning rate. The two sides evaluate the same formulas in a different operation order (autograd vs hand-written
/// gradients, torch's fused kernels, closed-form vs recursive schedules), so they differ by rounding: a few ulps
/// of the O(1) quantities involved per step. The 1e-6 floor makes the check absolute (1e-15) for coordinates
/// that pass near zero, where a relative error of rounding noise is meaningless — e.g. Adam keeps moving a
/// coordinate by O(lr) steps around the minimum, so a coordinate of 1e-12 carries 1e-17-sized absolute noise.
/// </para>
/// </summary>
public sealed class TorchParityTests(ITestOutputHelper output)
{
    public const double Tolerance = 1e-9;
    public const double Floor = 1e-6;

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in TorchReference.Cases) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Trajectory_matches_torch(string name)
    {
        var reference = TorchReference.Case(name);
        var trajectory = GradientDescent.Run(new DescentSettings
        {
            Problem = TorchReference.Problem(reference.Problem),
            Init = reference.Init,
            Optimizer = Optimizer.Parse(reference.Optimizer),
            Schedule = Schedule.Parse(reference.Schedule),
            LearningRate = reference.Lr,
            Steps = reference.Lrs.Length,
        });

        Assert.Null(trajectory.DivergedAt);
        Assert.Equal(reference.Parameters.Length, trajectory.Points.Count);
        double worst = 0;
        int? firstDifference = null;
        for (int k = 0; k < reference.Parameters.Length; k++)
        {
            var ours = trajectory.Points[k].Parameters!;
            var theirs = reference.Parameters[k];
            for (int i = 0; i < theirs.Length; i++)
            {
                if (ours[i] != theirs[i]) firstDifference ??= k;
                double error = Math.Abs(ours[i] - theirs[i]) / Math.Max(Math.Abs(theirs[i]), Floor);
                worst = Math.Max(worst, error);
                Assert.True(error <= Tolerance,
                    $"step {k}, parameter {i}: ours {ours[i]:R}, torch {theirs[i]:R}, scaled error {error:E2} > {Tolerance:E0}");
            }
            if (k == 0) continue;
            double rate = trajectory.Points[k].LearningRate!.Value, torchRate = reference.Lrs[k - 1];
            double rateError = Math.Abs(rate - torchRate) / Math.Max(Math.Abs(torchRate), Floor);
            Assert.True(rateError <= Tolerance, $"update {k - 1}: our lr {rate:R}, torch lr {torchRate:R}");
        }
        output.WriteLine($"worst scaled error {worst:E2}; " +
            (firstDifference is { } first ? $"first bitwise difference after update {first}" : "bit-identical to torch"));
    }

    [Fact]
    public void Every_optimizer_and_schedule_is_covered()
    {
        var cases = TorchReference.Cases;
        foreach (var name in Optimizer.Names)
            Assert.Contains(cases, c => Optimizer.Parse(c.Optimizer).Name == name);
        foreach (var name in Schedule.Names)
            Assert.Contains(cases, c => Schedule.Parse(c.Schedule).Name == name);
        Assert.Contains(cases, c => c.Schedule.Contains("warmup="));
        Assert.Contains(cases, c => c.Optimizer.Contains("clip_norm="));
        Assert.Contains(cases, c => c.Optimizer.Contains("clip_value="));
        Assert.Contains(cases, c => c.Optimizer.Contains("centralize=true"));
    }

    [Fact]
    public void Specs_in_the_fixture_are_canonical()
    {
        foreach (var c in TorchReference.Cases)
        {
            // Canonical: the printed spec means the same (same Spec) and prints the same again.
            var optimizer = Optimizer.Parse(c.Optimizer).ToString();
            Assert.Equal(Spec.Parse(c.Optimizer), Spec.Parse(optimizer));
            Assert.Equal(optimizer, Optimizer.Parse(optimizer).ToString());
            var schedule = Schedule.Parse(c.Schedule).ToString();
            Assert.Equal(Spec.Parse(c.Schedule), Spec.Parse(schedule));
            Assert.Equal(schedule, Schedule.Parse(schedule).ToString());
        }
    }
}
