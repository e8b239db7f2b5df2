using GdNotebooks.Numerics;
using GdNotebooks.Problems;
using GdNotebooks.Problems.Analytic;

namespace GdNotebooks.Experiments;

/// <summary>
/// The stability limit 2/L of plain gradient descent on a problem whose Hessian H is constant (a quadratic, a
/// least-squares fit): along H's top eigenvector, w ← w − αHw multiplies the error by 1 − αL, so the run converges
/// for α &lt; 2/L and blows up for α &gt; 2/L, where L is H's largest eigenvalue. Other problems have no single limit.
/// </summary>
public static class StabilityLimit
{
    /// <summary>Dense Hessians are built only for problems with at most this many parameters.</summary>
    public const int MaxDimension = 64;

    /// <summary>
    /// L = the largest eigenvalue of the Hessian when it is constant and L &gt; 0, else null. A
    /// <see cref="Quadratic"/> gives its largest curvature; another problem of at most <see cref="MaxDimension"/>
    /// parameters counts as quadratic when its exact dense Hessian at <paramref name="point"/> and at a seeded random
    /// point nearby agree to 1e-9 relative, and L then comes from <see cref="Numerics.JacobiEigenvalues"/>.
    /// </summary>
    public static double? LargestCurvature(IProblem problem, ReadOnlySpan<double> point, int seed = 0)
    {
        if (problem is Quadratic quadratic) return quadratic.Smoothness > 0 ? quadratic.Smoothness : null;
        int n = problem.Dimension;
        if (n > MaxDimension || point.Length != n) return null;
        var random = new Xoshiro256StarStar(seed);
        var other = new double[n];
        for (int i = 0; i < n; i++) other[i] = point[i] + (2 * random.NextDouble() - 1) * Math.Max(1, Math.Abs(point[i]));
        var h1 = GradientCheck.DenseHessian(problem, point);
        var h2 = GradientCheck.DenseHessian(problem, other);
        double scale = 0;
        foreach (double v in h1)
        {
            if (!double.IsFinite(v)) return null;
            scale = Math.Max(scale, Math.Abs(v));
        }
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (!(Math.Abs(h1[i, j] - h2[i, j]) <= 1e-9 * Math.Max(scale, 1e-300)))
                return null;
        double largest = JacobiEigenvalues.Decompose(h1).Values[^1];
        return largest > 0 ? largest : null;
    }
}
