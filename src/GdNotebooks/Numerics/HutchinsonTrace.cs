namespace GdNotebooks.Numerics;

/// <summary>
/// Hutchinson's estimator of the trace of a symmetric operator known through products A·z: for Rademacher probes z
/// (entries ±1 with probability ½), E[zᵀA z] = tr A, and the estimate is the mean over probes with its standard
/// error s/√m (Hutchinson 1990, "A stochastic estimator of the trace of the influence matrix…"; Avron &amp; Toledo
/// 2011; PyHessian, Yao et al. 2020). Rademacher probes have the least variance among i.i.d. probes:
/// Var[zᵀA z] = 2 Σ_{i≠j} A²ᵢⱼ, so a diagonal matrix is estimated exactly.
/// </summary>
public static class HutchinsonTrace
{
    /// <summary>The estimate of tr A from <paramref name="probes"/> seeded Rademacher probes, with its standard error.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked before every product).</exception>
    public static TraceEstimate Estimate(Action<ReadOnlySpan<double>, Span<double>> multiply, int dimension, int probes, int seed,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(multiply);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(probes, 1);
        var random = new Xoshiro256StarStar(seed);
        var z = new double[dimension];
        var product = new double[dimension];
        var samples = new double[probes];
        for (int p = 0; p < probes; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int i = 0; i < dimension; i++) z[i] = (random.NextUInt64() >> 63) == 0 ? 1.0 : -1.0;
            multiply(z, product);
            double quadratic = 0;
            for (int i = 0; i < dimension; i++) quadratic += z[i] * product[i];
            samples[p] = quadratic;
        }
        double mean = samples.Average();
        double error = probes < 2 ? double.NaN : Math.Sqrt(samples.Sum(s => (s - mean) * (s - mean)) / (probes - 1) / probes);
        return new TraceEstimate(mean, error, probes);
    }
}

/// <summary>A stochastic trace estimate: the mean of zᵀA z over <paramref name="Probes"/> probes and its standard error (NaN for one probe).</summary>
public readonly record struct TraceEstimate(double Trace, double StandardError, int Probes);
