using GdNotebooks.Problems;
using GdNotebooks.Problems.Data;
using static GdNotebooks.Tests.Problems.Data.TinyProblems;

namespace GdNotebooks.Tests.Problems.Data;

/// <summary>Exact Hessian-vector products against differences of gradients, closed-form Hessians, and symmetry.</summary>
public class DataProblemHessianTests
{
    public static TheoryData<string> Cases => new(
        "linreg", "linreg-l2", "logreg", "logreg-l2", "softmax", "softmax-l2",
        "mlp-relu", "mlp-tanh", "mlp-sigmoid", "mlp-gelu", "mlp-xavier", "mlp-normal", "mlp-l1-l2", "mlp-regression", "mlp-deep");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Exact_hvp_matches_differences_of_gradients(string name)
    {
        var problem = DataProblemGradientTests.Make(name);
        foreach (int seed in new[] { 1, 2 })
        {
            var w = DataProblemGradientTests.PointFor(problem, seed);
            var v = Direction(problem.Dimension, seed + 100);
            var exact = Hvp(problem, w, v);
            var numerical = GradientCheck.NumericalHessianVectorProduct(problem, w, v);
            double error = GradientCheck.RelativeError(exact, numerical);
            Assert.True(error < 1e-6, $"{problem.Name} seed {seed}: relative error {error:E2}");
        }
    }

    [Fact]
    public void Linear_regression_hessian_is_two_over_n_times_the_augmented_gram_matrix()
    {
        var problem = new LinearRegression(Subset("diabetes", 30), new DataProblemOptions { L2 = 0.7 });
        var x = problem.Train;
        int n = x.Rows, d = x.Columns;
        var hessian = GradientCheck.DenseHessian(problem, PointAwayFromZero(problem.Dimension, 1));
        for (int i = 0; i <= d; i++)
            for (int j = 0; j <= d; j++)
            {
                double expected = 0;
                for (int r = 0; r < n; r++) expected += 2.0 / n * Augmented(x, r, i) * Augmented(x, r, j);
                if (i == j && i < d) expected += 0.7;
                Assert.Equal(expected, hessian[i, j], 10);
            }
    }

    [Fact]
    public void Logistic_regression_hessian_is_the_weighted_gram_matrix()
    {
        var problem = new LogisticRegression(Subset("breast_cancer", 30), new DataProblemOptions { L2 = 0.2 });
        var x = problem.Train;
        int n = x.Rows, d = x.Columns;
        var w = PointAwayFromZero(problem.Dimension, 2, 0.2);
        var hessian = GradientCheck.DenseHessian(problem, w);
        var weights = new double[n];
        for (int r = 0; r < n; r++)
        {
            double z = 0;
            for (int j = 0; j <= d; j++) z += w[j] * Augmented(x, r, j);
            double p = 1 / (1 + Math.Exp(-z));
            weights[r] = p * (1 - p) / n;
        }
        for (int i = 0; i <= d; i++)
            for (int j = 0; j <= d; j++)
            {
                double expected = 0;
                for (int r = 0; r < n; r++) expected += weights[r] * Augmented(x, r, i) * Augmented(x, r, j);
                if (i == j && i < d) expected += 0.2;
                Assert.Equal(expected, hessian[i, j], 12);
            }
    }

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Gelu)]
    [InlineData(Activation.Relu)]
    public void Mlp_hessian_built_from_hvps_is_symmetric(Activation activation)
    {
        var problem = new Mlp(Subset("iris", 20), [3, 2], activation, WeightInit.He);
        var hessian = GradientCheck.DenseHessian(problem, problem.InitialPoint(7));
        int n = problem.Dimension;
        double scale = 0;
        foreach (var h in hessian) scale = Math.Max(scale, Math.Abs(h));
        Assert.True(scale > 0);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                Assert.True(Math.Abs(hessian[i, j] - hessian[j, i]) <= 1e-12 * scale,
                    $"H[{i},{j}] = {hessian[i, j]} but H[{j},{i}] = {hessian[j, i]}");
    }

    [Fact]
    public void Softmax_hvp_with_zero_direction_is_zero_and_is_linear_in_the_direction()
    {
        var problem = new SoftmaxRegression(Subset("iris", 30));
        var w = PointAwayFromZero(problem.Dimension, 3);
        Assert.All(Hvp(problem, w, new double[problem.Dimension]), h => Assert.Equal(0, h));
        var v = Direction(problem.Dimension, 4);
        var twice = Hvp(problem, w, v.Select(x => 2 * x).ToArray());
        var once = Hvp(problem, w, v);
        for (int i = 0; i < once.Length; i++) Assert.Equal(2 * once[i], twice[i], 12);
    }

    private static double Augmented(GdNotebooks.Data.DataSet x, int row, int column) =>
        column < x.Columns ? x.X[row * x.Columns + column] : 1.0;
}
