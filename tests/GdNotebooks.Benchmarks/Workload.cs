using GdNotebooks.Data;
using GdNotebooks.Numerics;
using GdNotebooks.Problems.Data;
using GdNotebooks.Training;

namespace GdNotebooks.Benchmarks;

/// <summary>
/// The workloads of the performance issue, defined once for BenchmarkDotNet, the console mode and the PyTorch peers.
/// W1: digits standardized, MLP 64-64-10 ReLU, softmax cross-entropy, plain SGD, batch 32, 20 epochs, 16 learning
/// rates log-spaced from 1e-3 to 10^0.5, seed 0. W2: the top Hessian eigenvalue of the W1 network trained at lr 0.1,
/// on the full training set, by 20 power iterations from a seeded start. W4: W1 with more configurations and the data
/// set grown synthetically.
/// </summary>
public static class Workload
{
    public const int Seed = 0;
    public const int BatchSize = 32;
    public const int Epochs = 20;
    public const int PowerIterations = 20;
    public const double SharpnessRate = 0.1;

    /// <summary>10^(−3 + 3.5·i/(count−1)), i = 0 … count−1: 1e-3 … 10^0.5.</summary>
    public static double[] LearningRates(int count = 16) =>
        Enumerable.Range(0, count).Select(i => Math.Pow(10, -3 + 3.5 * i / Math.Max(count - 1, 1))).ToArray();

    public static Mlp Digits() => new(DataSet.Load("digits"), [64]);

    /// <summary>
    /// digits with every example repeated <paramref name="factor"/> times, copies after the first jittered by seeded
    /// Gaussian noise (σ = 1 on the 0 … 16 pixel scale), then split and standardized as usual.
    /// </summary>
    public static Mlp GrownDigits(int factor)
    {
        var data = DataSet.Load("digits");
        if (factor == 1) return new Mlp(data, [64]);
        var random = new Xoshiro256StarStar(factor);
        var x = new double[data.X.Length * factor];
        var y = new double[data.Rows * factor];
        for (int copy = 0; copy < factor; copy++)
            for (int i = 0; i < data.Rows; i++)
            {
                int row = copy * data.Rows + i;
                y[row] = data.Y[i];
                for (int j = 0; j < data.Columns; j++)
                    x[row * data.Columns + j] = data.X[i * data.Columns + j] + (copy == 0 ? 0 : random.NextGaussian());
            }
        return new Mlp(new DataSet($"digits_x{factor}", data.FeatureNames, x, y, data.ClassCount), [64]);
    }

    public static MlpSweepSettings W1(Mlp problem, int configurations = 16, int epochs = Epochs, int? threads = null) => new()
    {
        Problem = problem,
        LearningRates = LearningRates(configurations),
        BatchSize = BatchSize,
        Epochs = epochs,
        Seed = Seed,
        MaxDegreeOfParallelism = threads,
    };

    /// <summary>The point W2 measures: the W1 network trained at lr = 0.1.</summary>
    public static double[] SharpnessPoint(Mlp problem) =>
        MlpSweepTrainer.Run(W1(problem) with { LearningRates = [SharpnessRate] })[0].FinalParameters;

    public static double[] SharpnessStart(Mlp problem) => PowerIteration.RandomStart(problem.Dimension, Seed);

    /// <summary>W2 on the fast path: cache the forward pass, then 20 power iterations on float32 HVPs.</summary>
    public static double TopEigenvalue(Mlp problem, double[] point, double[] start, int threads)
    {
        var hessian = new Float32MlpHessian(problem, point, threads);
        return PowerIteration.TopEigenpair(hessian.Multiply, start, PowerIterations, 0, CancellationToken.None).Eigenvalue;
    }
}
