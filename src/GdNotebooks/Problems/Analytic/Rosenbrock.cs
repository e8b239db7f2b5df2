using GdNotebooks.Specs;

namespace GdNotebooks.Problems.Analytic;

/// <summary>
/// f(x, y) = (a − x)² + b (y − x²)², the banana-shaped valley with its minimum at (a, a²).
/// Spec: <c>rosenbrock</c> or <c>rosenbrock:a=1,b=100</c>; starts at the classic (−1.5, 2).
/// </summary>
public sealed class Rosenbrock(double a = 1, double b = 100) : IProblem
{
    public static Rosenbrock FromSpec(Spec spec)
    {
        var args = spec.Read("problem rosenbrock");
        var a = args.Double("a", 1);
        var b = args.Double("b", 100, min: 0);
        args.Done();
        return new Rosenbrock(a, b);
    }

    public double A => a;
    public double B => b;
    public string Name => a == 1 && b == 100 ? "rosenbrock" : $"rosenbrock:a={a},b={b}";
    public int Dimension => 2;
    public IReadOnlyList<string> ParameterNames { get; } = ["x", "y"];
    public IReadOnlyList<ParameterBlock> Blocks => ParameterBlock.Vector(2);

    public double[] InitialPoint(int seed) => [-1.5, 2.0];

    public double Loss(ReadOnlySpan<double> w)
    {
        double dx = a - w[0], dy = w[1] - w[0] * w[0];
        return dx * dx + b * dy * dy;
    }

    public double LossAndGradient(ReadOnlySpan<double> w, Span<double> gradient)
    {
        double x = w[0], dx = a - x, dy = w[1] - x * x;
        gradient[0] = -2 * dx - 4 * b * x * dy;
        gradient[1] = 2 * b * dy;
        return dx * dx + b * dy * dy;
    }

    public void HessianVectorProduct(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> result)
    {
        double x = w[0], y = w[1];
        double hxx = 2 - 4 * b * (y - 3 * x * x), hxy = -4 * b * x, hyy = 2 * b;
        double v0 = v[0], v1 = v[1];
        result[0] = hxx * v0 + hxy * v1;
        result[1] = hxy * v0 + hyy * v1;
    }
}
