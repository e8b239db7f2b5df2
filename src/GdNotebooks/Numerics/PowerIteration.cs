namespace GdNotebooks.Numerics;

/// <summary>
/// The top eigenpair of a symmetric operator known only through its products A·v (for a loss, Hessian-vector
/// products), by power iteration: v ← A v / ‖A v‖, with the Rayleigh quotient λ = vᵀA v as the estimate.
/// The error of λ shrinks like (λ₂/λ₁)^{2k} after k products, and once the residual r = ‖A v − λ v‖ is small
/// λ is within r²/gap of an eigenvalue (Parlett, "The Symmetric Eigenvalue Problem", §4). This is how PyHessian
/// (Yao et al. 2020) and the edge-of-stability papers (Cohen et al. 2021) measure sharpness.
/// <para>
/// Plain power iteration finds the eigenvalue of largest magnitude. When that is negative (a saddle whose negative
/// curvature dominates), the iteration is repeated on A − λ₋I, whose eigenvalues are ≥ 0 and whose top one is
/// λ_max − λ₋, so the result is always the most positive eigenvalue λ_max.
/// </para>
/// Deterministic: the start is a seeded Gaussian vector from <see cref="Xoshiro256StarStar"/>.
/// </summary>
public static class PowerIteration
{
    /// <summary>The stopping rule: ‖A v − λ v‖ ≤ this × |λ|. At 1e-10 the eigenvalue is exact to about 1e-20 relative.</summary>
    public const double DefaultTolerance = 1e-10;

    /// <summary>
    /// The most positive eigenvalue of the symmetric operator <paramref name="multiply"/> (which writes A·v into its
    /// second argument) and a unit eigenvector, from a seeded random start, using at most <paramref name="iterations"/>
    /// products per phase (stopping early once the residual is below <see cref="DefaultTolerance"/>).
    /// </summary>
    public static (double Eigenvalue, double[] Vector) TopEigenpair(Action<ReadOnlySpan<double>, Span<double>> multiply, int dimension, int iterations, int seed) =>
        TopEigenpair(multiply, RandomStart(dimension, seed), iterations, DefaultTolerance, CancellationToken.None);

    /// <summary>
    /// As <see cref="TopEigenpair(Action{ReadOnlySpan{double}, Span{double}}, int, int, int)"/> from a given start
    /// (e.g. the previous eigenvector, to track sharpness along training cheaply), with a tolerance on the relative
    /// residual and a cancellation check before every product.
    /// </summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static (double Eigenvalue, double[] Vector) TopEigenpair(Action<ReadOnlySpan<double>, Span<double>> multiply,
        ReadOnlySpan<double> start, int iterations, double tolerance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(multiply);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        if (start.Length == 0) throw new ArgumentException("the operator needs a dimension ≥ 1", nameof(start));
        var (lambda, vector) = Dominant(multiply, start, 0, iterations, tolerance, cancellationToken);
        if (lambda >= 0) return (lambda, vector);
        // |λ₋| dominated: on A − λ₋I every eigenvalue is λᵢ − λ₋ ≥ 0 and the top one belongs to λ_max.
        var (shifted, top) = Dominant(multiply, RandomStart(start.Length, 1), lambda, iterations, tolerance, cancellationToken);
        return (shifted + lambda, top);
    }

    /// <summary>A unit vector of seeded standard normals: no direction is favoured, so every eigenvector has a share.</summary>
    public static double[] RandomStart(int dimension, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        var random = new Xoshiro256StarStar(seed);
        var v = new double[dimension];
        for (int i = 0; i < dimension; i++) v[i] = random.NextGaussian();
        Scale(v, 1 / Norm(v));
        return v;
    }

    /// <summary>Power iteration on A − shift·I; returns its dominant Rayleigh quotient and vector.</summary>
    private static (double, double[]) Dominant(Action<ReadOnlySpan<double>, Span<double>> multiply, ReadOnlySpan<double> start,
        double shift, int iterations, double tolerance, CancellationToken cancellationToken)
    {
        int n = start.Length;
        var v = start.ToArray();
        double norm = Norm(v);
        if (!(norm > 0) || !double.IsFinite(norm)) throw new ArgumentException("the start vector must be finite and non-zero", nameof(start));
        Scale(v, 1 / norm);
        var product = new double[n];
        double lambda = 0;
        for (int k = 0; k < iterations; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            multiply(v, product);
            if (shift != 0) for (int i = 0; i < n; i++) product[i] -= shift * v[i];
            lambda = Dot(v, product);
            double residual = 0;
            for (int i = 0; i < n; i++)
            {
                double r = product[i] - lambda * v[i];
                residual += r * r;
            }
            double length = Norm(product);
            if (Math.Sqrt(residual) <= tolerance * Math.Abs(lambda) || !(length > 0) || !double.IsFinite(length)) break;
            for (int i = 0; i < n; i++) v[i] = product[i] / length;
        }
        return (lambda, v);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));

    private static void Scale(Span<double> a, double factor)
    {
        for (int i = 0; i < a.Length; i++) a[i] *= factor;
    }
}
