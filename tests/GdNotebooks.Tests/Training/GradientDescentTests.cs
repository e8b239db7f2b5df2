using GdNotebooks.Optimizers;
using GdNotebooks.Problems;
using GdNotebooks.Problems.Analytic;
using GdNotebooks.Schedules;
using GdNotebooks.Training;

namespace GdNotebooks.Tests.Training;

public sealed class GradientDescentTests
{
    [Fact]
    public void Rows_hold_the_state_after_k_updates_and_the_rate_of_update_k()
    {
        var problem = new Quadratic([1, 10]);
        var trajectory = GradientDescent.Run(new DescentSettings
        {
            Problem = problem, LearningRate = 0.05, Steps = 20, Schedule = Schedule.Parse("step:step_size=5,gamma=0.5"),
        });
        Assert.Equal(21, trajectory.Points.Count);
        Assert.Null(trajectory.DivergedAt);
        Assert.Null(trajectory.Points[0].LearningRate);
        Assert.Equal(new double[] { 1, 1 }, trajectory.Points[0].Parameters);
        Assert.Equal(0.05, trajectory.Points[1].LearningRate);       // update 0
        Assert.Equal(0.025, trajectory.Points[6].LearningRate);      // update 5
        // w₁ = w₀ − η∇f(w₀)
        Assert.Equal(new[] { 1 - 0.05, 1 - 0.05 * 10 }, trajectory.Points[1].Parameters);
        var last = trajectory.Points[^1];
        Assert.Equal(problem.Loss(last.Parameters!), last.Loss);
        Assert.Equal(last.Parameters, trajectory.FinalParameters);
        var g = new double[2];
        problem.LossAndGradient(last.Parameters, g);
        Assert.Equal(Math.Sqrt(g[0] * g[0] + g[1] * g[1]), last.GradientNorm, 15);
    }

    [Fact]
    public void A_non_finite_loss_stops_the_run_without_an_exception()
    {
        var trajectory = GradientDescent.Run(new DescentSettings { Problem = new Quadratic([1, 100]), LearningRate = 0.5, Steps = 1000 });
        Assert.NotNull(trajectory.DivergedAt);
        Assert.Equal(trajectory.DivergedAt + 1, trajectory.Points.Count);
        Assert.False(double.IsFinite(trajectory.Points[^1].Loss));
        Assert.All(trajectory.Points.SkipLast(1), p => Assert.True(double.IsFinite(p.Loss)));
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            GradientDescent.Run(new DescentSettings { Problem = new Rosenbrock(), Steps = 10 }, cancel.Token));
    }

    [Fact]
    public void Parameters_are_kept_only_for_small_problems()
    {
        var small = GradientDescent.Run(new DescentSettings { Problem = new Quadratic(Enumerable.Repeat(1.0, 16).ToArray()), Steps = 2 });
        var large = GradientDescent.Run(new DescentSettings { Problem = new Quadratic(Enumerable.Repeat(1.0, 17).ToArray()), Steps = 2 });
        Assert.All(small.Points, p => Assert.NotNull(p.Parameters));
        Assert.All(large.Points, p => Assert.Null(p.Parameters));
        Assert.Equal(17, large.FinalParameters.Length);
    }

    [Fact]
    public void Epochs_become_steps_and_mini_batches_are_seeded()
    {
        var problem = new MeanProblem([1, 2, 3, 4, 5, 6, 7]);
        DescentSettings Settings(int seed) => new()
        {
            Problem = problem, Init = [0], LearningRate = 0.1, Epochs = 3, BatchSize = 3, Seed = seed,
            Optimizer = Optimizer.Parse("sgd:momentum=0.5"),
        };
        var run = GradientDescent.Run(Settings(1));
        Assert.Equal(3 * 3, Settings(1).TotalSteps);                  // ⌈7/3⌉ = 3 batches per epoch
        Assert.Equal(10, run.Points.Count);
        Assert.Equal(run.FinalParameters, GradientDescent.Run(Settings(1)).FinalParameters);
        Assert.NotEqual(run.FinalParameters, GradientDescent.Run(Settings(2)).FinalParameters);
        Assert.All(run.Points, p => Assert.Equal(problem.Loss(p.Parameters!), p.Loss));   // rows report the full loss
        var full = GradientDescent.Run(Settings(1) with { BatchSize = null });
        Assert.Equal(4, full.Points.Count);                                                // full batch: one step per epoch
    }

    [Theory]
    [InlineData(-1, null, null, "steps=-1 is out of range; valid: ≥ 0")]
    [InlineData(10, 2, null, "epochs need a problem with training data; rosenbrock has none, so give steps instead")]
    [InlineData(10, null, 8, "batch needs a problem with training data; rosenbrock has none (its gradient is always exact)")]
    public void Bad_settings_are_usage_errors(int steps, int? epochs, int? batch, string message)
    {
        var settings = new DescentSettings { Problem = new Rosenbrock(), Steps = steps, Epochs = epochs, BatchSize = batch };
        Assert.Equal(message, Assert.Throws<UsageException>(() => GradientDescent.Run(settings)).Message);
        Assert.Equal("init has 3 values but problem rosenbrock has 2 parameters (x, y)",
            Assert.Throws<UsageException>(() => GradientDescent.Run(new DescentSettings { Problem = new Rosenbrock(), Init = [1, 2, 3] })).Message);
        Assert.StartsWith("lr=-1 is out of range",
            Assert.Throws<UsageException>(() => GradientDescent.Run(new DescentSettings { Problem = new Rosenbrock(), LearningRate = -1 })).Message);
    }

    /// <summary>f(w) = mean over examples of ½(w − yᵢ)²: the smallest data problem.</summary>
    private sealed class MeanProblem(double[] y) : IDataProblem
    {
        public string Name => "mean";
        public int Dimension => 1;
        public IReadOnlyList<string> ParameterNames => ["w"];
        public IReadOnlyList<ParameterBlock> Blocks => ParameterBlock.Vector(1);
        public string DataSet => "inline";
        public int TrainCount => y.Length;
        public int TestCount => 0;
        public double[] InitialPoint(int seed) => [0];
        public double Loss(ReadOnlySpan<double> w) => LossAndGradient(w, new double[1]);
        public double LossAndGradient(ReadOnlySpan<double> w, Span<double> gradient) =>
            LossAndGradient(w, Enumerable.Range(0, y.Length).ToArray(), gradient);

        public double LossAndGradient(ReadOnlySpan<double> w, ReadOnlySpan<int> batch, Span<double> gradient)
        {
            double loss = 0, grad = 0;
            foreach (int i in batch)
            {
                loss += 0.5 * (w[0] - y[i]) * (w[0] - y[i]);
                grad += w[0] - y[i];
            }
            gradient[0] = grad / batch.Length;
            return loss / batch.Length;
        }

        public void HessianVectorProduct(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> result) => result[0] = v[0];
        public double TestLoss(ReadOnlySpan<double> w) => 0;
        public double? Accuracy(ReadOnlySpan<double> w, bool test) => null;
    }
}
