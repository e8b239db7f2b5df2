using GdNotebooks.Problems;

namespace GdNotebooks.Experiments;

/// <summary>
/// The loss of a 2-parameter problem on a grid, the backdrop for trajectories: z[j][i] = f(x[i], y[j]), or
/// log(1 + f) when f ≥ 0 on the whole grid, which spreads the contour levels of steep valleys such as Rosenbrock's.
/// </summary>
/// <param name="X">Grid values of the first parameter.</param>
/// <param name="Y">Grid values of the second parameter.</param>
/// <param name="Z">Rows by y, columns by x; NaN where the loss is not finite.</param>
/// <param name="LogScale">True when Z holds log(1 + f).</param>
public sealed record LossSurface(double[] X, double[] Y, double[][] Z, bool LogScale)
{
    /// <summary>Points per axis.</summary>
    public const int Resolution = 81;

    /// <summary>A grid over every finite point of <paramref name="points"/> with a 15% margin on each side.</summary>
    public static LossSurface Around(IProblem problem, IEnumerable<(double X, double Y)> points, CancellationToken cancellationToken = default)
    {
        if (problem.Dimension != 2) throw new ArgumentException($"a loss surface needs 2 parameters; {problem.Name} has {problem.Dimension}", nameof(problem));
        var finite = points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        if (finite.Count == 0) finite.Add((0, 0));
        var x = Axis(finite.Min(p => p.X), finite.Max(p => p.X));
        var y = Axis(finite.Min(p => p.Y), finite.Max(p => p.Y));
        var z = new double[y.Length][];
        var w = new double[2];
        bool nonNegative = true;
        for (int j = 0; j < y.Length; j++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            z[j] = new double[x.Length];
            for (int i = 0; i < x.Length; i++)
            {
                w[0] = x[i];
                w[1] = y[j];
                double f = problem.Loss(w);
                z[j][i] = double.IsFinite(f) ? f : double.NaN;
                if (f < 0) nonNegative = false;
            }
        }
        if (nonNegative)
            foreach (var row in z)
                for (int i = 0; i < row.Length; i++) row[i] = Math.Log(1 + row[i]);
        return new LossSurface(x, y, z, nonNegative);
    }

    private static double[] Axis(double min, double max)
    {
        double span = Math.Max(max - min, 1e-3 * Math.Max(1, Math.Max(Math.Abs(min), Math.Abs(max))));
        double center = (min + max) / 2, half = span / 2 * 1.3;
        return Enumerable.Range(0, Resolution).Select(i => center - half + 2 * half * i / (Resolution - 1)).ToArray();
    }
}
