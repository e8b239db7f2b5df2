using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Tests.Training;

/// <summary>The numbers people learn gradient descent from, exactly as textbooks print them.</summary>
public class WorkedExampleTests
{
    private static Trajectory Descend(string problem, double init, double lr, int steps) =>
        GradientDescent.Run(new DescentSettings { Problem = Problem.Parse(problem), Init = [init], LearningRate = lr, Steps = steps });

    private static double W(Trajectory t, int k) => t.Points[k].Parameters![0];

    [Fact]
    public void Quadratic_from_zero_at_alpha_0_1_gives_the_textbook_sequence()
    {
        var t = Descend("(w-3)^2", 0, 0.1, 5);

        double[] expected = [0, 0.6, 1.08, 1.464, 1.7712, 2.01696];
        for (int k = 0; k < expected.Length; k++) Assert.Equal(expected[k], W(t, k), 12);
        Assert.Equal(9, t.Points[0].Loss);
        Assert.Null(t.Points[0].LearningRate);
        Assert.Equal(0.1, t.Points[1].LearningRate);
    }

    [Fact]
    public void Small_step_crawls_to_0_99718_after_20_steps()
    {
        var t = Descend("(w-3)^2", 0, 0.01, 20);

        // Each step keeps 98% of the distance to 3: w₂₀ = 3(1 − 0.98²⁰) = 0.997176…
        Assert.Equal(3 * (1 - Math.Pow(0.98, 20)), W(t, 20), 12);
        Assert.InRange(W(t, 20), 0.99717, 0.99718);
    }

    [Fact]
    public void Large_step_overshoots_and_diverges()
    {
        var t = Descend("(w-3)^2", 0, 1.5, 1000);

        Assert.Equal([0.0, 9, -9, 27, -45], Enumerable.Range(0, 5).Select(k => W(t, k)));
        Assert.NotNull(t.DivergedAt);
        Assert.Equal(t.DivergedAt!.Value, t.Points[^1].Step);
        Assert.False(double.IsFinite(t.Points[^1].Loss));
    }

    [Fact]
    public void Fifty_steps_at_alpha_0_1_get_within_1e_minus_4()
    {
        var t = Descend("(w-3)^2", 0, 0.1, 50);

        Assert.True(Math.Abs(W(t, 50) - 3) < 1e-4);
        Assert.Null(t.DivergedAt);
    }

    [Fact]
    public void X_squared_from_10_gives_8_then_6_4()
    {
        var t = Descend("x^2", 10, 0.1, 2);

        Assert.Equal(8, W(t, 1), 12);
        Assert.Equal(6.4, W(t, 2), 12);
    }
}

public class NonFiniteGradientTests
{
    [Fact]
    public void A_nan_gradient_with_a_finite_loss_ends_the_run_as_diverged()
    {
        // √|x| at 0: the loss is 0 but its derivative is ∞·0 = NaN.
        var t = GradientDescent.Run(new DescentSettings { Problem = Problem.Parse("sqrt(abs(x))"), Init = [0], Steps = 10 });

        Assert.Equal(0, t.DivergedAt);
        Assert.Single(t.Points);
        Assert.Equal(0, t.Points[0].Loss);
        Assert.Contains("diverged at step 0", t.Notes);
    }
}
