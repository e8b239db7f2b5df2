using GdNotebooks.Specs;

namespace GdNotebooks.Problems.Analytic;

/// <summary>
/// Himmelblau's function f(x, y) = (x² + y − 11)² + (x + y² − 7)²: four minima with f = 0, at (3, 2),
/// (−2.805118, 3.131313), (−3.779310, −3.283186) and (3.584428, −1.848127), a local maximum near
/// (−0.270845, −0.923039) and four saddles, so where descent ends depends on where it starts.
/// Spec: <c>himmelblau</c> (no arguments). Starts at the origin (0, 0), from which plain descent reaches (3, 2).
/// </summary>
public sealed class Himmelblau : IProblem
{
    public static Himmelblau FromSpec(Spec spec)
    {
        spec.Read("problem himmelblau").Done();
        return new Himmelblau();
    }

    /// <summary>The four global minima, each with f = 0 (the last three to about 15 digits).</summary>
    public static IReadOnlyList<(double X, double Y)> Minima { get; } =
    [
        (3.0, 2.0),
        (-2.805118086952745, 3.131312518250573),
        (-3.779310253377747, -3.283185991286170),
        (3.584428340330492, -1.848126526964404),
    ];

    public string Name => "himmelblau";
    public int Dimension => 2;
    public IReadOnlyList<string> ParameterNames { get; } = ["x", "y"];
    public IReadOnlyList<ParameterBlock> Blocks { get; } = ParameterBlock.Vector(2);

    /// <summary>(0, 0).</summary>
    public double[] InitialPoint(int seed) => [0.0, 0.0];

    public double Loss(ReadOnlySpan<double> w)
    {
        double a = w[0] * w[0] + w[1] - 11, b = w[0] + w[1] * w[1] - 7;
        return a * a + b * b;
    }

    /// <summary>With a = x² + y − 11 and b = x + y² − 7: ∇f = (4xa + 2b, 2a + 4yb).</summary>
    public double LossAndGradient(ReadOnlySpan<double> w, Span<double> gradient)
    {
        double x = w[0], y = w[1], a = x * x + y - 11, b = x + y * y - 7;
        gradient[0] = 4 * x * a + 2 * b;
        gradient[1] = 2 * a + 4 * y * b;
        return a * a + b * b;
    }

    /// <summary>H = [[12x² + 4y − 42, 4(x + y)], [4(x + y), 12y² + 4x − 26]].</summary>
    public void HessianVectorProduct(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> result)
    {
        double x = w[0], y = w[1];
        double hxx = 12 * x * x + 4 * y - 42, hxy = 4 * (x + y), hyy = 12 * y * y + 4 * x - 26;
        double v0 = v[0], v1 = v[1];
        result[0] = hxx * v0 + hxy * v1;
        result[1] = hxy * v0 + hyy * v1;
    }
}
