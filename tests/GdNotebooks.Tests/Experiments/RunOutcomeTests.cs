using GdNotebooks.Experiments;

namespace GdNotebooks.Tests.Experiments;

public class RunOutcomeTests
{
    [Fact]
    public void Non_finite_loss_diverges_at_its_first_non_finite_step()
    {
        var outcome = RunOutcome.Of([9, 36, 144, double.PositiveInfinity], 1e-6);
        Assert.True(outcome.Diverged);
        Assert.Equal(3, outcome.DivergedAt);
        Assert.Equal(9, outcome.BestLoss);
        Assert.Null(outcome.StepsToTolerance);
    }

    [Fact]
    public void Finite_blow_up_diverges_from_the_first_step_that_stayed_above_the_start()
    {
        // Dips below the start at step 2, then climbs for good from step 3.
        var outcome = RunOutcome.Of([9, 10, 8, 9.5, 12, 20, 40, 80], 1e-6);
        Assert.True(outcome.Diverged);
        Assert.Equal(3, outcome.DivergedAt);
        Assert.Equal(8, outcome.BestLoss);
        Assert.Equal(80, outcome.FinalLoss);
    }

    [Fact]
    public void Early_overshoot_that_comes_back_down_is_not_divergence()
    {
        // Above the start at the end, but the peak was early and the loss is falling: recovering, not diverging.
        var outcome = RunOutcome.Of([9, 500, 300, 100, 50, 30, 20, 12], 1e-6);
        Assert.False(outcome.Diverged);
        Assert.Null(outcome.DivergedAt);
    }

    [Fact]
    public void Bounded_oscillation_is_not_divergence()
    {
        var outcome = RunOutcome.Of([9, 9, 9, 9, 9, 9], 1e-6);
        Assert.False(outcome.Diverged);
        Assert.Equal(9, outcome.FinalLoss);
    }

    [Fact]
    public void Steps_to_tolerance_is_the_first_step_at_or_below_it()
    {
        var outcome = RunOutcome.Of([9, 1, 1e-3, 1e-7, 1e-9], 1e-6);
        Assert.Equal(3, outcome.StepsToTolerance);
        Assert.Equal(0, RunOutcome.Of([0], 1e-6).StepsToTolerance);
    }

    [Fact]
    public void One_step_up_is_divergence_at_step_1()
    {
        Assert.Equal(1, RunOutcome.FindDivergence([1, 2]));
        Assert.Null(RunOutcome.FindDivergence([1]));
    }
}
