using GdNotebooks.Specs;

namespace GdNotebooks.Problems.Analytic;

/// <summary>
/// f(x, y) = x² − y²: a saddle at the origin with Hessian diag(2, −2), unbounded below along y.
/// Spec: <c>saddle</c> (no arguments). Starts at (1, 10⁻³): nearly on the stable x-axis, so gradient descent
/// first slides towards the saddle and stalls there while |y| grows by a factor (1 + 2η) per step, then escapes.
/// </summary>
public sealed class Saddle : IProblem
{
    public static Saddle FromSpec(Spec spec)
    {
        spec.Read("problem saddle").Done();
        return new Saddle();
    }

    public string Name => "saddle";
    public int Dimension => 2;
    public IReadOnlyList<string> ParameterNames { get; } = ["x", "y"];
    public IReadOnlyList<ParameterBlock> Blocks { get; } = ParameterBlock.Vector(2);

    /// <summary>(1, 10⁻³).</summary>
    public double[] InitialPoint(int seed) => [1.0, 1e-3];

    public double Loss(ReadOnlySpan<double> w) => w[0] * w[0] - w[1] * w[1];

    /// <summary>∇f = (2x, −2y).</summary>
    public double LossAndGradient(ReadOnlySpan<double> w, Span<double> gradient)
    {
        gradient[0] = 2 * w[0];
        gradient[1] = -2 * w[1];
        return Loss(w);
    }

    /// <summary>H·v = (2v₀, −2v₁) everywhere.</summary>
    public void HessianVectorProduct(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> result)
    {
        result[0] = 2 * v[0];
        result[1] = -2 * v[1];
    }
}
