using GdNotebooks.Data;
using GdNotebooks.Numerics;
using GdNotebooks.Problems;
using GdNotebooks.Problems.Data;
using GdNotebooks.Training;

namespace GdNotebooks.Tests.Numerics;

/// <summary>
/// The float32 fast path against the float64 reference: training curves of <see cref="MlpSweepTrainer"/> against
/// <see cref="GradientDescent"/> on <see cref="Mlp"/>, Hessian-vector products and the top eigenvalue against
/// <see cref="Mlp.HessianVectorProduct"/>, plus determinism across thread counts and no allocation per step.
/// </summary>
public class Float32MlpTests
{
    private static Mlp Digits(params int[] hidden) => (Mlp)Problem.Parse($"mlp:data=digits,hidden=[{string.Join(",", hidden.DefaultIfEmpty(64))}]");

    [Theory]
    [InlineData(new[] { 64 }, 0.1)]
    [InlineData(new[] { 32, 16 }, 0.05)]
    public void Trainer_follows_the_float64_reference_to_float32_tolerance(int[] hidden, double rate)
    {
        var problem = Digits(hidden);
        const int epochs = 3, batch = 32, seed = 7;
        var reference = GradientDescent.Run(new DescentSettings { Problem = problem, LearningRate = rate, Epochs = epochs, BatchSize = batch, Seed = seed });

        var run = MlpSweepTrainer.Run(new MlpSweepSettings
        {
            Problem = problem, LearningRates = [rate], Epochs = epochs, BatchSize = batch, Seed = seed, TrackTrainLoss = true,
        })[0];

        int perEpoch = (problem.TrainCount + batch - 1) / batch;
        Assert.Equal(epochs * perEpoch, run.Steps);
        for (int e = 0; e < epochs; e++)
        {
            double expected = reference.Points[(e + 1) * perEpoch].Loss;
            Assert.True(Math.Abs(run.TrainLosses![e] - expected) <= 1e-4 * expected, $"epoch {e}: {run.TrainLosses[e]} vs {expected}");
        }
        Assert.Equal(run.TrainLosses![^1], run.FinalLoss);
        // Whole-vector agreement: a ReLU unit sitting on its kink for some example can flip between float32 and
        // float64 (seen after ~40 steps with hidden=[32,16]) and move the weights by ~5e-4, while the loss curve stays within 1e-4.
        double error = GradientCheck.RelativeError(run.FinalParameters, reference.FinalParameters);
        Assert.True(error < 2e-3, $"parameters differ by {error} relative");
    }

    [Fact]
    public void Start_is_the_float64_initial_point_rounded()
    {
        var problem = Digits();
        var init = problem.InitialPoint(3);
        var network = new Float32Mlp(problem, init, 8);
        var back = new double[problem.Dimension];

        network.GetParameters(back);

        for (int i = 0; i < init.Length; i++) Assert.Equal((float)init[i], back[i]);
    }

    [Fact]
    public void Results_are_bit_identical_with_one_or_two_threads()
    {
        var problem = Digits();
        var rates = new[] { 0.01, 0.1, 0.5, 2.0, 5.0 };
        MlpSweepSettings Settings(int threads) => new() { Problem = problem, LearningRates = rates, Epochs = 2, Seed = 3, MaxDegreeOfParallelism = threads };

        var one = MlpSweepTrainer.Run(Settings(1));
        var two = MlpSweepTrainer.Run(Settings(2));

        for (int i = 0; i < rates.Length; i++)
        {
            Assert.Equal(one[i].FinalParameters, two[i].FinalParameters);
            Assert.Equal(one[i].EpochLosses, two[i].EpochLosses);
            Assert.Equal(one[i].FinalLoss, two[i].FinalLoss);
            Assert.Equal(one[i].DivergedAtStep, two[i].DivergedAtStep);
        }
    }

    [Fact]
    public void A_diverging_rate_stops_with_the_step_and_NaN_loss()
    {
        var run = MlpSweepTrainer.Run(new MlpSweepSettings { Problem = Digits(), LearningRates = [50.0], Epochs = 3, Seed = 0 })[0];

        Assert.True(run.Diverged);
        Assert.Equal(run.DivergedAtStep, run.Steps);
        Assert.True(double.IsNaN(run.FinalLoss));
    }

    [Fact]
    public void A_training_step_allocates_nothing_after_warm_up()
    {
        var problem = Digits();
        var data = new Float32Examples(problem.Train);
        var network = new Float32Mlp(problem, problem.InitialPoint(0), 32);
        var sampler = new MiniBatchSampler(data.Rows, 32, 0);
        for (int i = 0; i < 100; i++) network.TrainStep(data, sampler.Next(), 0.05f);

        // The runtime itself may allocate once on this thread (tiered JIT promotions land while we measure), so the
        // claim is that some 200-step window allocates nothing: a step that allocates would show in every window.
        var windows = new List<long>();
        for (int window = 0; window < 5 && (windows.Count == 0 || windows[^1] != 0); window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 200; i++) network.TrainStep(data, sampler.Next(), 0.05f);
            windows.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.True(windows[^1] == 0, $"bytes allocated per 200-step window: {string.Join(", ", windows)}");
    }

    [Fact]
    public void Unsupported_problems_are_named()
    {
        var tanh = (Mlp)Problem.Parse("mlp:data=digits,act=tanh");
        var e = Assert.Throws<UsageException>(() => MlpSweepTrainer.Run(new MlpSweepSettings { Problem = tanh, LearningRates = [0.1] }));
        Assert.Contains("act=relu", e.Message);
        Assert.False(MlpSweepTrainer.Supports(tanh));
    }

    [Fact]
    public void Hessian_vector_products_match_the_float64_R_operator()
    {
        var problem = Digits(32, 16);
        var w = problem.InitialPoint(1);
        var hessian = new Float32MlpHessian(problem, w);
        var v = PowerIteration.RandomStart(problem.Dimension, 2);
        var fast = new double[problem.Dimension];
        var exact = new double[problem.Dimension];

        hessian.Multiply(v, fast);
        problem.HessianVectorProduct(w, v, exact);

        Assert.True(GradientCheck.RelativeError(fast, exact) < 1e-4, $"relative error {GradientCheck.RelativeError(fast, exact)}");
        Assert.Equal(problem.Loss(w), hessian.Loss, 1e-5);
    }

    [Fact]
    public void Hessian_vector_products_are_bit_identical_with_one_or_two_threads()
    {
        var problem = Digits();
        var w = problem.InitialPoint(4);
        var v = PowerIteration.RandomStart(problem.Dimension, 5);
        var one = new double[problem.Dimension];
        var two = new double[problem.Dimension];

        new Float32MlpHessian(problem, w, maxDegreeOfParallelism: 1).Multiply(v, one);
        new Float32MlpHessian(problem, w, maxDegreeOfParallelism: 2).Multiply(v, two);

        Assert.Equal(one, two);
    }

    [Fact]
    public void Top_eigenvalue_of_a_trained_network_matches_float64()
    {
        var problem = Digits();
        var w = MlpSweepTrainer.Run(new MlpSweepSettings { Problem = problem, LearningRates = [0.1], Epochs = 2, Seed = 0 })[0].FinalParameters;
        var start = PowerIteration.RandomStart(problem.Dimension, 0);
        var hessian = new Float32MlpHessian(problem, w);

        var (fast, _) = PowerIteration.TopEigenpair(hessian.Multiply, start, 20, 0, CancellationToken.None);
        var (exact, _) = PowerIteration.TopEigenpair((x, y) => problem.HessianVectorProduct(w, x, y), start, 20, 0, CancellationToken.None);

        Assert.True(Math.Abs(fast - exact) <= 1e-3 * Math.Abs(exact), $"{fast} vs {exact}");
    }
}
