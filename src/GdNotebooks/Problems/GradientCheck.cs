namespace GdNotebooks.Problems;

/// <summary>
/// Oracles for derivatives: central differences of the loss (for gradients) and of the gradient
/// (for Hessian-vector products), and the dense Hessian built column by column from exact products.
/// </summary>
public static class GradientCheck
{
    /// <summary>∂f/∂wᵢ ≈ (f(w + h eᵢ) − f(w − h eᵢ)) / 2h for every i; error O(h²).</summary>
    public static double[] NumericalGradient(IProblem problem, ReadOnlySpan<double> w, double h = 1e-5)
    {
        var point = w.ToArray();
        var gradient = new double[point.Length];
        for (int i = 0; i < point.Length; i++)
        {
            double saved = point[i];
            point[i] = saved + h;
            double up = problem.Loss(point);
            point[i] = saved - h;
            double down = problem.Loss(point);
            point[i] = saved;
            gradient[i] = (up - down) / (2 * h);
        }
        return gradient;
    }

    /// <summary>H·v ≈ (∇f(w + h v) − ∇f(w − h v)) / 2h.</summary>
    public static double[] NumericalHessianVectorProduct(IProblem problem, ReadOnlySpan<double> w, ReadOnlySpan<double> v, double h = 1e-5)
    {
        int n = w.Length;
        var plus = new double[n];
        var minus = new double[n];
        for (int i = 0; i < n; i++)
        {
            plus[i] = w[i] + h * v[i];
            minus[i] = w[i] - h * v[i];
        }
        var gPlus = new double[n];
        var gMinus = new double[n];
        problem.LossAndGradient(plus, gPlus);
        problem.LossAndGradient(minus, gMinus);
        for (int i = 0; i < n; i++) gPlus[i] = (gPlus[i] - gMinus[i]) / (2 * h);
        return gPlus;
    }

    /// <summary>The exact Hessian as an n×n row-major array, from n Hessian-vector products with unit vectors.</summary>
    public static double[,] DenseHessian(IProblem problem, ReadOnlySpan<double> w)
    {
        int n = w.Length;
        var hessian = new double[n, n];
        var unit = new double[n];
        var column = new double[n];
        for (int j = 0; j < n; j++)
        {
            unit[j] = 1;
            problem.HessianVectorProduct(w, unit, column);
            unit[j] = 0;
            for (int i = 0; i < n; i++) hessian[i, j] = column[i];
        }
        return hessian;
    }

    /// <summary>‖a − b‖ / max(‖a‖, ‖b‖, tiny): the relative error used in gradient checks.</summary>
    public static double RelativeError(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double diff = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return Math.Sqrt(diff) / Math.Max(Math.Sqrt(Math.Max(na, nb)), 1e-300);
    }
}
