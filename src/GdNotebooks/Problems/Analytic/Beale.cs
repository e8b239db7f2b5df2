using GdNotebooks.Specs;

namespace GdNotebooks.Problems.Analytic;

/// <summary>
/// Beale's function f(x, y) = Σₖ (cₖ − x + x yᵏ)² for k = 1, 2, 3 with c = (1.5, 2.25, 2.625): a flat valley
/// with steep walls where y grows, minimum f = 0 at (3, 0.5). Spec: <c>beale</c> (no arguments).
/// Starts at (1, 1), where f = 14.203125 and the gradient (0, 27.75) sends descent straight down in y.
/// </summary>
public sealed class Beale : IProblem
{
    private static readonly double[] Offsets = [1.5, 2.25, 2.625];

    public static Beale FromSpec(Spec spec)
    {
        spec.Read("problem beale").Done();
        return new Beale();
    }

    public string Name => "beale";
    public int Dimension => 2;
    public IReadOnlyList<string> ParameterNames { get; } = ["x", "y"];
    public IReadOnlyList<ParameterBlock> Blocks { get; } = ParameterBlock.Vector(2);

    /// <summary>(1, 1).</summary>
    public double[] InitialPoint(int seed) => [1.0, 1.0];

    public double Loss(ReadOnlySpan<double> w)
    {
        double x = w[0], y = w[1], sum = 0, yk = 1;
        for (int k = 0; k < 3; k++)
        {
            yk *= y;
            double r = Offsets[k] - x + x * yk;
            sum += r * r;
        }
        return sum;
    }

    /// <summary>With rₖ = cₖ − x + x yᵏ: ∂rₖ/∂x = yᵏ − 1, ∂rₖ/∂y = k x yᵏ⁻¹, and ∇f = 2 Σ rₖ ∇rₖ.</summary>
    public double LossAndGradient(ReadOnlySpan<double> w, Span<double> gradient)
    {
        double x = w[0], y = w[1], sum = 0, gx = 0, gy = 0, ykMinus1 = 1;
        for (int k = 1; k <= 3; k++)
        {
            double yk = ykMinus1 * y;
            double r = Offsets[k - 1] - x + x * yk;
            sum += r * r;
            gx += 2 * r * (yk - 1);
            gy += 2 * r * k * x * ykMinus1;
            ykMinus1 = yk;
        }
        gradient[0] = gx;
        gradient[1] = gy;
        return sum;
    }

    /// <summary>
    /// H = 2 Σ (∇rₖ ∇rₖᵀ + rₖ ∇²rₖ), where ∂²rₖ/∂x² = 0, ∂²rₖ/∂x∂y = k yᵏ⁻¹ and ∂²rₖ/∂y² = k(k−1) x yᵏ⁻².
    /// </summary>
    public void HessianVectorProduct(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> result)
    {
        double x = w[0], y = w[1], hxx = 0, hxy = 0, hyy = 0;
        double ykMinus2 = 0, ykMinus1 = 1;   // y^(k−2) is 0 for k = 1, where its coefficient k(k−1) is 0 anyway
        for (int k = 1; k <= 3; k++)
        {
            double yk = ykMinus1 * y;
            double r = Offsets[k - 1] - x + x * yk;
            double rx = yk - 1, ry = k * x * ykMinus1;
            hxx += 2 * rx * rx;
            hxy += 2 * (rx * ry + r * k * ykMinus1);
            hyy += 2 * (ry * ry + r * k * (k - 1) * x * ykMinus2);
            ykMinus2 = ykMinus1;
            ykMinus1 = yk;
        }
        double v0 = v[0], v1 = v[1];
        result[0] = hxx * v0 + hxy * v1;
        result[1] = hxy * v0 + hyy * v1;
    }
}
