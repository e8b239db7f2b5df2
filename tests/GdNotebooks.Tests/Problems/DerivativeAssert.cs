using GdNotebooks.Problems;

namespace GdNotebooks.Tests.Problems;

/// <summary>The derivative checks every problem must pass, against the finite-difference oracles.</summary>
internal static class DerivativeAssert
{
    /// <summary>Exact gradient vs central differences: relative error below 1e-6 (float64).</summary>
    public static void GradientMatchesFiniteDifferences(IProblem problem, double[] point, double tolerance = 1e-6)
    {
        var exact = new double[point.Length];
        double loss = problem.LossAndGradient(point, exact);
        Assert.Equal(problem.Loss(point), loss, 12);
        var numerical = GradientCheck.NumericalGradient(problem, point);
        double error = GradientCheck.RelativeError(exact, numerical);
        Assert.True(error < tolerance,
            $"{problem.Name} at ({Join(point)}): exact gradient ({Join(exact)}) vs numerical ({Join(numerical)}), relative error {error:E2}");
    }

    /// <summary>Exact H·v vs central differences of the exact gradient.</summary>
    public static void HessianVectorProductMatchesFiniteDifferences(IProblem problem, double[] point, double[] vector, double tolerance = 1e-6)
    {
        var exact = new double[point.Length];
        problem.HessianVectorProduct(point, vector, exact);
        var numerical = GradientCheck.NumericalHessianVectorProduct(problem, point, vector);
        double error = GradientCheck.RelativeError(exact, numerical);
        Assert.True(error < tolerance,
            $"{problem.Name} at ({Join(point)}), v = ({Join(vector)}): exact H·v ({Join(exact)}) vs numerical ({Join(numerical)}), relative error {error:E2}");
    }

    /// <summary>The dense Hessian assembled from exact HVPs is symmetric to rounding; returns it.</summary>
    public static double[,] HessianIsSymmetric(IProblem problem, double[] point)
    {
        var hessian = GradientCheck.DenseHessian(problem, point);
        int n = point.Length;
        double scale = 1;
        foreach (var h in hessian) scale = Math.Max(scale, Math.Abs(h));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                Assert.True(Math.Abs(hessian[i, j] - hessian[j, i]) <= 1e-12 * scale,
                    $"{problem.Name} at ({Join(point)}): H[{i},{j}] = {hessian[i, j]} but H[{j},{i}] = {hessian[j, i]}");
        return hessian;
    }

    public static void HessianEquals(double[,] expected, double[,] actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        for (int i = 0; i < expected.GetLength(0); i++)
            for (int j = 0; j < expected.GetLength(1); j++)
                Assert.True(Math.Abs(expected[i, j] - actual[i, j]) <= tolerance * Math.Max(1, Math.Abs(expected[i, j])),
                    $"H[{i},{j}]: expected {expected[i, j]}, got {actual[i, j]}");
    }

    /// <summary>A fixed, non-axis-aligned direction of length n for HVP checks.</summary>
    public static double[] Direction(int n) => [.. Enumerable.Range(0, n).Select(i => (i % 2 == 0 ? 0.6 : -0.8) + 0.1 * i)];

    private static string Join(double[] values) => string.Join(", ", values.Select(v => v.ToString("G6")));
}
