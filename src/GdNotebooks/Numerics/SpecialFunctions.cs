namespace GdNotebooks.Numerics;

/// <summary>
/// The error function and the normal distribution, which .NET's <see cref="Math"/> lacks (GELU needs them).
/// Accurate to about 1e-16 absolute everywhere; erfc keeps relative accuracy in the tail (about 1e-13 near x = 26,
/// where rounding of x² inside e^(−x²) dominates).
/// </summary>
public static class SpecialFunctions
{
    private const double TwoOverSqrtPi = 1.1283791670955126;      // 2/√π
    private const double OneOverSqrtPi = 0.5641895835477563;      // 1/√π
    private const double OneOverSqrtTwoPi = 0.3989422804014327;   // 1/√(2π)
    private const double SqrtHalf = 0.7071067811865476;           // 1/√2

    // Below this |x| the series is used, above it the continued fraction: both need well under 100 terms there.
    private const double SeriesLimit = 3.0;

    /// <summary>σ(x) = 1/(1 + e^(−x)) without overflow: e^(−x) is only formed for x ≥ 0, e^x only for x &lt; 0.</summary>
    public static double Sigmoid(double x)
    {
        if (x >= 0) return 1 / (1 + Math.Exp(-x));
        double e = Math.Exp(x);
        return e / (1 + e);
    }

    /// <summary>
    /// erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt. For |x| ≤ 3 the series with positive terms
    /// erf(x) = (2/√π) e^(−x²) Σₙ 2ⁿ x^(2n+1) / (1·3·5···(2n+1)) (no cancellation); beyond, 1 − erfc(x).
    /// erf(NaN) = NaN, erf(±∞) = ±1.
    /// </summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        double ax = Math.Abs(x);
        double value = ax <= SeriesLimit ? ErfSeries(ax) : 1.0 - ErfcContinuedFraction(ax);
        return x < 0 ? -value : value;
    }

    /// <summary>
    /// erfc(x) = 1 − erf(x), computed without cancellation for large x by the continued fraction
    /// erfc(x) = (e^(−x²)/√π) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))) for x &gt; 3.
    /// erfc(−x) = 2 − erfc(x).
    /// </summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) return 2.0 - Erfc(-x);
        return x <= SeriesLimit ? 1.0 - ErfSeries(x) : ErfcContinuedFraction(x);
    }

    /// <summary>Φ(z) = ½ erfc(−z/√2), the standard normal CDF, accurate in the lower tail too.</summary>
    public static double NormalCdf(double z) => 0.5 * Erfc(-z * SqrtHalf);

    /// <summary>φ(z) = e^(−z²/2)/√(2π), the standard normal density.</summary>
    public static double NormalPdf(double z) => OneOverSqrtTwoPi * Math.Exp(-0.5 * z * z);

    private static double ErfSeries(double x)
    {
        double x2 = x * x;
        double term = x, sum = x;
        for (int n = 1; n < 200; n++)
        {
            term *= 2.0 * x2 / (2 * n + 1);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return TwoOverSqrtPi * Math.Exp(-x2) * sum;
    }

    /// <summary>Modified Lentz evaluation of x + a₁/(x + a₂/(x + …)) with aₖ = k/2.</summary>
    private static double ErfcContinuedFraction(double x)
    {
        if (double.IsPositiveInfinity(x)) return 0.0;
        const double tiny = 1e-300;
        double f = x, c = x, d = 0.0;
        for (int k = 1; k < 500; k++)
        {
            double a = 0.5 * k;
            d = x + a * d;
            if (d == 0) d = tiny;
            c = x + a / c;
            if (c == 0) c = tiny;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1.0) < 1e-16) break;
        }
        return OneOverSqrtPi * Math.Exp(-x * x) / f;
    }
}
