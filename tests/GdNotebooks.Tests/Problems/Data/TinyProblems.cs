using GdNotebooks.Data;
using GdNotebooks.Numerics;
using GdNotebooks.Problems;
using GdNotebooks.Problems.Data;

namespace GdNotebooks.Tests.Problems.Data;

/// <summary>Small seeded subsets of the real data sets and points to check derivatives at, so the suite stays fast.</summary>
internal static class TinyProblems
{
    /// <summary><paramref name="rows"/> rows of a data set drawn by a seeded shuffle (so every class can appear).</summary>
    public static DataSet Subset(string name, int rows, int seed = 1)
    {
        var data = DataSet.Load(name);
        var order = Enumerable.Range(0, data.Rows).ToArray();
        new Xoshiro256StarStar(seed).Shuffle(order.AsSpan());
        return data.Subset(order.AsSpan(0, rows));
    }

    /// <summary>A point whose entries are ±(0.1 … 0.6): away from 0, so |w| is differentiable there.</summary>
    public static double[] PointAwayFromZero(int dimension, int seed, double scale = 1)
    {
        var random = new Xoshiro256StarStar(seed);
        return Enumerable.Range(0, dimension)
            .Select(_ => scale * (random.NextDouble() < 0.5 ? -1 : 1) * (0.1 + 0.5 * random.NextDouble())).ToArray();
    }

    public static double[] Direction(int dimension, int seed)
    {
        var random = new Xoshiro256StarStar(seed);
        return Enumerable.Range(0, dimension).Select(_ => random.NextGaussian()).ToArray();
    }

    public static double[] Gradient(IProblem problem, double[] w)
    {
        var g = new double[problem.Dimension];
        problem.LossAndGradient(w, g);
        return g;
    }

    public static double[] Hvp(IProblem problem, double[] w, double[] v)
    {
        var result = new double[problem.Dimension];
        problem.HessianVectorProduct(w, v, result);
        return result;
    }

    /// <summary>The loss of one fixed mini-batch as a problem of its own, so the central-difference oracle applies to it.</summary>
    public sealed class BatchLoss(IDataProblem problem, int[] batch) : IProblem
    {
        public string Name => problem.Name + " (batch)";
        public int Dimension => problem.Dimension;
        public IReadOnlyList<string> ParameterNames => problem.ParameterNames;
        public IReadOnlyList<ParameterBlock> Blocks => problem.Blocks;
        public double[] InitialPoint(int seed) => problem.InitialPoint(seed);
        public double Loss(ReadOnlySpan<double> w) => problem.LossAndGradient(w, batch, new double[Dimension]);
        public double LossAndGradient(ReadOnlySpan<double> w, Span<double> g) => problem.LossAndGradient(w, batch, g);
        public void HessianVectorProduct(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> r) => throw new NotSupportedException();
    }
}
