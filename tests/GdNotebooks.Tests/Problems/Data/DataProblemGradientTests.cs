using GdNotebooks.Problems;
using GdNotebooks.Problems.Data;
using static GdNotebooks.Tests.Problems.Data.TinyProblems;

namespace GdNotebooks.Tests.Problems.Data;

/// <summary>Exact gradients against central differences (float64, relative error below 1e-6) for every problem.</summary>
public class DataProblemGradientTests
{
    private const double Tolerance = 1e-6;

    public static TheoryData<string> Cases => new(CaseNames);

    private static readonly string[] CaseNames =
    [
        "linreg", "linreg-l2", "linreg-l1", "linreg-house",
        "logreg", "logreg-l2", "logreg-l1",
        "softmax", "softmax-l2", "softmax-l1", "softmax-raw",
        "mlp-relu", "mlp-tanh", "mlp-sigmoid", "mlp-gelu",
        "mlp-xavier", "mlp-normal", "mlp-l1-l2", "mlp-regression", "mlp-deep",
    ];

    internal static DataProblem Make(string name)
    {
        var l2 = new DataProblemOptions { L2 = 0.3 };
        var l1 = new DataProblemOptions { L1 = 0.2 };
        return name switch
        {
            "linreg" => new LinearRegression(Subset("diabetes", 30)),
            "linreg-l2" => new LinearRegression(Subset("diabetes", 30), l2),
            "linreg-l1" => new LinearRegression(Subset("diabetes", 30), l1),
            "linreg-house" => new LinearRegression(Subset("house_prices", 30)),
            "logreg" => new LogisticRegression(Subset("breast_cancer", 30)),
            "logreg-l2" => new LogisticRegression(Subset("breast_cancer", 30), l2),
            "logreg-l1" => new LogisticRegression(Subset("breast_cancer", 30), l1),
            "softmax" => new SoftmaxRegression(Subset("iris", 30)),
            "softmax-l2" => new SoftmaxRegression(Subset("wine", 30), l2),
            "softmax-l1" => new SoftmaxRegression(Subset("iris", 30), l1),
            "softmax-raw" => new SoftmaxRegression(Subset("iris", 30), new DataProblemOptions { Standardize = false, TestFraction = 0 }),
            "mlp-relu" => new Mlp(Subset("iris", 24), [5], Activation.Relu, WeightInit.He),
            "mlp-tanh" => new Mlp(Subset("iris", 24), [5], Activation.Tanh, WeightInit.He),
            "mlp-sigmoid" => new Mlp(Subset("iris", 24), [5], Activation.Sigmoid, WeightInit.He),
            "mlp-gelu" => new Mlp(Subset("iris", 24), [5], Activation.Gelu, WeightInit.He),
            "mlp-xavier" => new Mlp(Subset("wine", 24), [4], Activation.Tanh, WeightInit.Xavier),
            "mlp-normal" => new Mlp(Subset("wine", 24), [4], Activation.Gelu, WeightInit.Normal),
            "mlp-l1-l2" => new Mlp(Subset("iris", 24), [5], Activation.Tanh, WeightInit.He, new DataProblemOptions { L1 = 0.05, L2 = 0.1 }),
            "mlp-regression" => new Mlp(Subset("diabetes", 24), [4], Activation.Gelu, WeightInit.He),
            "mlp-deep" => new Mlp(Subset("iris", 24), [4, 3], Activation.Sigmoid, WeightInit.Xavier),
            _ => throw new ArgumentException(name),
        };
    }

    /// <summary>The seeded initial point for networks; for the (zero-started) linear models a point away from 0.</summary>
    internal static double[] PointFor(DataProblem problem, int seed) =>
        problem is Mlp mlp && mlp.Options.L1 == 0 ? problem.InitialPoint(seed) : PointAwayFromZero(problem.Dimension, seed, 0.5);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Full_batch_gradient_matches_central_differences(string name)
    {
        var problem = Make(name);
        foreach (int seed in new[] { 1, 2 })
        {
            var w = PointFor(problem, seed);
            var exact = Gradient(problem, w);
            var numerical = GradientCheck.NumericalGradient(problem, w);
            double error = GradientCheck.RelativeError(exact, numerical);
            Assert.True(error < Tolerance, $"{problem.Name} seed {seed}: relative error {error:E2}");
            AssertClose(problem.Loss(w), problem.LossAndGradient(w, new double[problem.Dimension]));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mini_batch_gradient_matches_central_differences(string name)
    {
        var problem = Make(name);
        var w = PointFor(problem, 3);
        foreach (var batch in new[] { new[] { 4 }, new[] { 0, 2, 5, 9, 11 } })
        {
            var batchLoss = new BatchLoss(problem, batch);
            var exact = Gradient(batchLoss, w);
            double error = GradientCheck.RelativeError(exact, GradientCheck.NumericalGradient(batchLoss, w));
            Assert.True(error < Tolerance, $"{problem.Name} batch [{string.Join(",", batch)}]: relative error {error:E2}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_batch_of_every_training_index_is_the_full_batch(string name)
    {
        var problem = Make(name);
        var w = PointFor(problem, 4);
        var everything = Enumerable.Range(0, problem.TrainCount).Reverse().ToArray();
        var g = new double[problem.Dimension];
        double loss = problem.LossAndGradient(w, everything, g);
        AssertClose(problem.Loss(w), loss);
        Assert.True(GradientCheck.RelativeError(Gradient(problem, w), g) < 1e-12);
    }

    [Fact]
    public void Each_block_of_a_two_hidden_layer_network_passes_on_its_own()
    {
        foreach (var activation in Enum.GetValues<Activation>())
        {
            var problem = new Mlp(Subset("iris", 24), [4, 3], activation, WeightInit.He, new DataProblemOptions { L2 = 0.01 });
            var w = problem.InitialPoint(5);
            // Zero biases put ReLU exactly on its kink wherever a whole layer is off; move them off 0.
            foreach (var bias in problem.Blocks.Where(b => b.Name.StartsWith('b')))
                for (int i = bias.Offset; i < bias.Offset + bias.Length; i++) w[i] = i % 2 == 0 ? 0.05 : -0.05;
            var exact = Gradient(problem, w);
            var numerical = GradientCheck.NumericalGradient(problem, w);
            Assert.Equal(["W1", "b1", "W2", "b2", "W3", "b3"], problem.Blocks.Select(b => b.Name));
            foreach (var block in problem.Blocks)
            {
                double error = GradientCheck.RelativeError(exact.AsSpan(block.Offset, block.Length), numerical.AsSpan(block.Offset, block.Length));
                Assert.True(error < Tolerance, $"{activation} block {block.Name}: relative error {error:E2}");
            }
        }
    }

    internal static void AssertClose(double expected, double actual, double relative = 1e-12) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Penalties_act_on_weights_only()
    {
        var plain = new LinearRegression(Subset("diabetes", 30));
        var penalized = new LinearRegression(Subset("diabetes", 30), new DataProblemOptions { L2 = 2, L1 = 0.5 });
        var w = PointAwayFromZero(plain.Dimension, 9);
        var g0 = Gradient(plain, w);
        var g1 = Gradient(penalized, w);
        double expectedPenalty = 0;
        for (int j = 0; j < 10; j++)
        {
            expectedPenalty += 0.5 * 2 * w[j] * w[j] + 0.5 * Math.Abs(w[j]);
            AssertClose(g0[j] + 2 * w[j] + 0.5 * Math.Sign(w[j]), g1[j]);
        }
        AssertClose(g0[10], g1[10]);   // the bias b is not penalized
        AssertClose(plain.Loss(w) + expectedPenalty, penalized.Loss(w));
        AssertClose(plain.TestLoss(w), penalized.TestLoss(w));   // test loss has no penalty
    }
}
