using GdNotebooks.Specs;

namespace GdNotebooks.Problems.Analytic;

/// <summary>
/// f(w) = ½ Σᵢ aᵢ (wᵢ − cᵢ)²: a separable quadratic whose Hessian is diag(a), so aᵢ are the curvatures,
/// L = max aᵢ, and gradient descent is stable exactly for learning rates below 2/L.
/// Spec: <c>quadratic:a=[1,100],center=[3,-1]</c>; starts at (1, …, 1) unless told otherwise.
/// </summary>
public sealed class Quadratic : IProblem
{
    private readonly double[] _curvatures;
    private readonly double[] _center;

    public Quadratic(double[] curvatures, double[]? center = null)
    {
        if (curvatures.Length == 0) throw new UsageException("quadratic needs at least one curvature in a=[…]");
        center ??= new double[curvatures.Length];
        if (center.Length == 1 && curvatures.Length > 1) center = Enumerable.Repeat(center[0], curvatures.Length).ToArray();
        if (center.Length != curvatures.Length)
            throw new UsageException($"quadratic: center has {center.Length} values but a has {curvatures.Length}; give one center per curvature");
        _curvatures = curvatures;
        _center = center;
        ParameterNames = Enumerable.Range(0, Dimension).Select(i => Dimension == 1 ? "w" : $"w{i}").ToArray();
        Name = $"quadratic:a=[{string.Join(",", curvatures)}]" + (center.Any(c => c != 0) ? $",center=[{string.Join(",", center)}]" : "");
    }

    public static Quadratic FromSpec(Spec spec)
    {
        var args = spec.Read("problem quadratic");
        var a = args.Doubles("a", [1, 10], min: 0)!;
        var center = args.Doubles("center", null);
        args.Done();
        return new Quadratic(a, center);
    }

    public string Name { get; }
    public int Dimension => _curvatures.Length;
    public IReadOnlyList<string> ParameterNames { get; }
    public IReadOnlyList<ParameterBlock> Blocks => ParameterBlock.Vector(Dimension);

    /// <summary>The curvatures aᵢ, i.e. the Hessian's eigenvalues.</summary>
    public IReadOnlyList<double> Curvatures => _curvatures;

    /// <summary>L, the largest curvature: plain gradient descent diverges for learning rates above 2/L.</summary>
    public double Smoothness => _curvatures.Max();

    public IReadOnlyList<double> Center => _center;

    public double[] InitialPoint(int seed) => Enumerable.Repeat(1.0, Dimension).ToArray();

    public double Loss(ReadOnlySpan<double> w)
    {
        double sum = 0;
        for (int i = 0; i < w.Length; i++)
        {
            double d = w[i] - _center[i];
            sum += _curvatures[i] * d * d;
        }
        return 0.5 * sum;
    }

    public double LossAndGradient(ReadOnlySpan<double> w, Span<double> gradient)
    {
        for (int i = 0; i < w.Length; i++) gradient[i] = _curvatures[i] * (w[i] - _center[i]);
        return Loss(w);
    }

    public void HessianVectorProduct(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> result)
    {
        for (int i = 0; i < v.Length; i++) result[i] = _curvatures[i] * v[i];
    }
}
