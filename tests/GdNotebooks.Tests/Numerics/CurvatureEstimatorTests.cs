using GdNotebooks.Numerics;
using GdNotebooks.Problems;
using GdNotebooks.Problems.Data;
using GdNotebooks.Tests.Problems.Data;

namespace GdNotebooks.Tests.Numerics;

/// <summary>Power iteration and Hutchinson's trace against a dense Jacobi eigendecomposition of a small MLP's Hessian.</summary>
public class CurvatureEstimatorTests
{
    // 4 inputs → 5 tanh units → 3 classes: 43 parameters, a Hessian small enough to build densely from exact HVPs.
    private static (IProblem Problem, double[] W, double[,] Hessian) SmallMlp()
    {
        var problem = new Mlp(TinyProblems.Subset("iris", 40), [5], Activation.Tanh, WeightInit.Xavier);
        var w = problem.InitialPoint(3);
        for (int i = 0; i < w.Length; i++) w[i] += 0.3 * Math.Sin(i);   // biases away from 0 too
        return (problem, w, GradientCheck.DenseHessian(problem, w));
    }

    private static Action<ReadOnlySpan<double>, Span<double>> Hvp(IProblem problem, double[] w) =>
        (v, result) => problem.HessianVectorProduct(w, v, result);

    [Fact]
    public void Jacobi_diagonalises_a_symmetric_matrix()
    {
        var random = new Xoshiro256StarStar(5);
        int n = 12;
        var a = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i, j] = a[j, i] = random.NextGaussian();

        var (values, vectors) = JacobiEigenvalues.Decompose(a);

        for (int k = 0; k < n; k++)
        {
            if (k > 0) Assert.True(values[k] >= values[k - 1]);
            for (int i = 0; i < n; i++)
            {
                double av = 0;
                for (int j = 0; j < n; j++) av += a[i, j] * vectors[j, k];
                Assert.Equal(values[k] * vectors[i, k], av, 1e-12);
            }
            for (int l = 0; l < n; l++)
            {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += vectors[i, k] * vectors[i, l];
                Assert.Equal(k == l ? 1 : 0, dot, 1e-12);
            }
        }
        double trace = Enumerable.Range(0, n).Sum(i => a[i, i]);
        Assert.Equal(trace, values.Sum(), 1e-12);
    }

    [Fact]
    public void Power_iteration_finds_the_top_hessian_eigenvalue_of_a_small_mlp()
    {
        var (problem, w, hessian) = SmallMlp();
        var (values, _) = JacobiEigenvalues.Decompose(hessian);

        var (lambda, vector) = PowerIteration.TopEigenpair(Hvp(problem, w), problem.Dimension, iterations: 2000, seed: 1);

        Assert.True(Math.Abs(lambda - values[^1]) <= 1e-6 * Math.Abs(values[^1]), $"power {lambda} vs Jacobi {values[^1]}");
        var hv = new double[problem.Dimension];
        problem.HessianVectorProduct(w, vector, hv);
        Assert.True(GradientCheck.RelativeError(hv, vector.Select(x => lambda * x).ToArray()) < 1e-4);
    }

    [Fact]
    public void Power_iteration_returns_the_most_positive_eigenvalue_when_negative_curvature_dominates()
    {
        double[] diagonal = [-10, 3, 1, -2];
        Action<ReadOnlySpan<double>, Span<double>> multiply = (v, r) => { for (int i = 0; i < v.Length; i++) r[i] = diagonal[i] * v[i]; };

        var (lambda, vector) = PowerIteration.TopEigenpair(multiply, 4, 500, seed: 2);

        Assert.Equal(3, lambda, 1e-9);
        Assert.Equal(1, Math.Abs(vector[1]), 1e-6);
    }

    [Fact]
    public void Power_iteration_is_deterministic_and_stops_when_cancelled()
    {
        var (problem, w, _) = SmallMlp();
        var first = PowerIteration.TopEigenpair(Hvp(problem, w), problem.Dimension, 30, seed: 4);
        var second = PowerIteration.TopEigenpair(Hvp(problem, w), problem.Dimension, 30, seed: 4);
        Assert.Equal(first.Eigenvalue, second.Eigenvalue);
        Assert.Equal(first.Vector, second.Vector);

        using var cancel = new CancellationTokenSource();
        int products = 0;
        Action<ReadOnlySpan<double>, Span<double>> multiply = (v, r) => { if (++products == 3) cancel.Cancel(); problem.HessianVectorProduct(w, v, r); };
        Assert.Throws<OperationCanceledException>(() =>
            PowerIteration.TopEigenpair(multiply, PowerIteration.RandomStart(problem.Dimension, 0), 1000, 0, cancel.Token));
        Assert.Equal(3, products);
    }

    [Fact]
    public void Hutchinson_estimate_is_within_a_few_standard_errors_of_the_exact_trace()
    {
        var (problem, w, hessian) = SmallMlp();
        double exact = Enumerable.Range(0, problem.Dimension).Sum(i => hessian[i, i]);

        var estimate = HutchinsonTrace.Estimate(Hvp(problem, w), problem.Dimension, probes: 400, seed: 7);

        Assert.Equal(400, estimate.Probes);
        Assert.True(estimate.StandardError > 0 && estimate.StandardError < 0.2 * Math.Abs(exact), $"se {estimate.StandardError} vs trace {exact}");
        Assert.True(Math.Abs(estimate.Trace - exact) <= 3 * estimate.StandardError,
            $"Hutchinson {estimate.Trace} ± {estimate.StandardError} vs exact {exact}");
    }

    [Fact]
    public void Hutchinson_is_exact_for_a_diagonal_operator()
    {
        double[] diagonal = [1, 2, 3.5, -4];
        var estimate = HutchinsonTrace.Estimate((v, r) => { for (int i = 0; i < v.Length; i++) r[i] = diagonal[i] * v[i]; }, 4, 5, seed: 0);
        Assert.Equal(2.5, estimate.Trace, 12);
        Assert.Equal(0, estimate.StandardError, 12);
    }
}
