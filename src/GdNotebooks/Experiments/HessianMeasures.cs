using GdNotebooks.Numerics;
using GdNotebooks.Problems;

namespace GdNotebooks.Experiments;

/// <summary>
/// Curvature of a loss at a point from exact Hessian-vector products, never forming the Hessian: the sharpness
/// λ_max(∇²f(w)) by <see cref="PowerIteration"/> and tr ∇²f(w) by <see cref="HutchinsonTrace"/>. For a data problem
/// both use the whole training split (the Hessian of the training loss, as in Keskar et al. 2017 and Cohen et al. 2021).
/// </summary>
public static class HessianMeasures
{
    /// <summary>The relative residual at which sharpness tracking stops iterating: λ is then good to ~1e-8 relative.</summary>
    public const double SharpnessTolerance = 1e-4;

    /// <summary>The top Hessian eigenvalue and its eigenvector, from <paramref name="start"/> (or a seeded random start).</summary>
    public static (double Sharpness, double[] Vector) Sharpness(IProblem problem, ReadOnlySpan<double> w, int iterations, int seed,
        double[]? start = null, CancellationToken cancellationToken = default)
    {
        var point = w.ToArray();
        return PowerIteration.TopEigenpair(Multiply(problem, point), start ?? PowerIteration.RandomStart(problem.Dimension, seed),
            iterations, SharpnessTolerance, cancellationToken);
    }

    /// <summary>Hutchinson's estimate of tr ∇²f(w) with <paramref name="probes"/> seeded Rademacher probes.</summary>
    public static TraceEstimate Trace(IProblem problem, ReadOnlySpan<double> w, int probes, int seed, CancellationToken cancellationToken = default) =>
        HutchinsonTrace.Estimate(Multiply(problem, w.ToArray()), problem.Dimension, probes, seed, cancellationToken);

    private static Action<ReadOnlySpan<double>, Span<double>> Multiply(IProblem problem, double[] w) =>
        (v, result) => problem.HessianVectorProduct(w, v, result);
}
