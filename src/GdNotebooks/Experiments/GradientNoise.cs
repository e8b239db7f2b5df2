using GdNotebooks.Numerics;
using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// How noisy mini-batch gradients are, and what that means for training with larger batches.
/// <para>
/// At a point w of a data problem with N training examples, per-example gradients gᵢ have mean G (the full gradient)
/// and covariance Σ = (1/N) Σᵢ (gᵢ − G)(gᵢ − G)ᵀ (the population covariance of the training set, the distribution
/// mini-batches are drawn from). A mini-batch of B distinct examples drawn uniformly without replacement has mean
/// gradient g_B with E‖g_B − G‖² = tr(Σ)/B · (N − B)/(N − 1): the 1/B law with the finite-population correction,
/// which makes the full batch exact. The gradient noise scale B_simple = tr(Σ)/|G|² (McCandlish, Kaplan, Amodei et al.
/// 2018, "An empirical model of large-batch training") is the batch size at which noise and signal are comparable:
/// below it, doubling B nearly halves the steps needed; far above it, larger batches waste examples.
/// </para>
/// Then it trains once per batch size, scaling the learning rate (none, linear, sqrt; Goyal et al. 2017), and records
/// the loss against steps and against examples seen. Penalties (l2, l1) add the same term to every gᵢ and g_B, so they
/// cancel in g_B − G but count in |G|².
/// </summary>
public static class GradientNoise
{
    /// <summary>The most mini-batches per size: each sample holds a slot of the estimate, so more would only exhaust memory.</summary>
    public const int MaxSamples = 1_000_000;

    /// <exception cref="UsageException">Not a data problem, a batch size below 1, fewer than 2 samples, bad descent settings.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; checked for every mini-batch, example and update.</exception>
    public static GradientNoiseResult Run(GradientNoiseSettings settings, IProgress<ExperimentProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var descent = settings.Descent;
        if (descent.Problem is not IDataProblem data)
            throw new UsageException($"batch noise needs a data problem (linreg, logreg, softmax, mlp); {descent.Problem.Name} has no training examples");
        int n = data.TrainCount;
        if (settings.BatchSizes.Count == 0) throw new UsageException("give at least one batch size");
        if (settings.BatchSizes.FirstOrDefault(b => b is < 1) is int bad) throw new UsageException($"batch size {bad} must be ≥ 1, or full");
        if (settings.Samples < 2) throw new UsageException($"--samples {settings.Samples} must be ≥ 2 (the standard error needs two)");
        if (settings.Samples > MaxSamples) throw new UsageException($"--samples {settings.Samples} is out of range; valid: 2 to {MaxSamples:N0}");
        if (settings.MeasureAfter < 0) throw new UsageException($"--measure-after {settings.MeasureAfter} must be ≥ 0");
        var sizes = settings.BatchSizes.Select(b => Math.Min(b ?? n, n)).Distinct().Order().ToArray();
        var parallel = ProblemReplicas.Options(settings.MaxDegreeOfParallelism, cancellationToken);

        // The point: the start, or after some full-batch updates of the descent's optimizer.
        var start = GradientDescent.Run(descent with { Steps = 0, Epochs = null, BatchSize = null }, cancellationToken).FinalParameters;
        var toPoint = settings.MeasureAfter == 0 ? null
            : GradientDescent.Run(descent with { Steps = settings.MeasureAfter, Epochs = null, BatchSize = null }, cancellationToken);
        var w = toPoint?.FinalParameters ?? start;

        long total = n + (long)sizes.Length * settings.Samples + (settings.Train ? sizes.Length : 0), done = 0;
        void Advance(long by) => progress?.Report(new ExperimentProgress("gradients", Interlocked.Add(ref done, by), total));

        var fullGradient = new double[data.Dimension];
        double loss = data.LossAndGradient(w, fullGradient);
        double gradientNormSquared = Dot(fullGradient, fullGradient);

        // tr(Σ) = (1/N) Σᵢ ‖gᵢ − G‖²: per-example squared deviations in parallel, summed in order.
        var deviations = new double[n];
        ProblemReplicas.For(n, parallel, () => new Worker(ProblemReplicas.Fresh(data), n), (worker, i) =>
        {
            deviations[i] = worker.DeviationSquared(w, [i], fullGradient);
            if ((i & 63) == 63) Advance(64);
        });
        Advance(n - (n / 64) * 64);
        double traceSigma = deviations.Sum() / n;

        var measurements = new List<BatchNoiseMeasurement>();
        for (int b = 0; b < sizes.Length; b++)
        {
            int size = sizes[b];
            var squared = new double[settings.Samples];
            ProblemReplicas.For(settings.Samples, parallel, () => new Worker(ProblemReplicas.Fresh(data), n), (worker, s) =>
            {
                var batch = worker.Draw(size, SampleSeed(descent.Seed, size, s));
                squared[s] = worker.DeviationSquared(w, batch, fullGradient);
                worker.Undraw(size);
                Advance(1);
            });
            double mean = squared.Average();
            double sd = Math.Sqrt(squared.Sum(x => (x - mean) * (x - mean)) / (squared.Length - 1));
            double predicted = n == 1 ? 0 : traceSigma / size * (n - size) / (n - 1.0);
            measurements.Add(new BatchNoiseMeasurement(size, size == n, settings.Samples, mean, sd / Math.Sqrt(squared.Length), predicted));
        }

        var curves = new BatchTrainingCurve[settings.Train ? sizes.Length : 0];
        if (settings.Train)
        {
            int smallest = sizes[0];
            ProblemReplicas.For(curves.Length, parallel, () => 0, (_, b) =>
            {
                int size = sizes[b];
                double rate = descent.LearningRate * Factor(settings.Scaling, size / (double)smallest);
                var run = descent with { Problem = ProblemReplicas.Fresh(data), BatchSize = size == n ? null : size, LearningRate = rate, Init = start };
                curves[b] = new BatchTrainingCurve(size, size == n, rate, GradientDescent.Run(run, cancellationToken), n);
                Advance(1);
            });
        }
        return new GradientNoiseResult(settings, n, loss, traceSigma, gradientNormSquared, measurements, curves) { MeasureDivergedAt = toPoint?.DivergedAt };
    }

    /// <summary>The learning-rate factor for a batch <paramref name="ratio"/> = B/B₀ times the smallest.</summary>
    public static double Factor(LearningRateScaling scaling, double ratio) => scaling switch
    {
        LearningRateScaling.Linear => ratio,
        LearningRateScaling.Sqrt => Math.Sqrt(ratio),
        _ => 1,
    };

    /// <summary>Each (seed, batch size, sample) has its own stream, so the draws do not depend on the thread count.</summary>
    private static ulong SampleSeed(int seed, int size, int sample)
    {
        ulong x = unchecked((ulong)seed);
        ulong a = Xoshiro256StarStar.SplitMix64(ref x) ^ (ulong)size;
        ulong b = Xoshiro256StarStar.SplitMix64(ref a) ^ (ulong)sample;
        return Xoshiro256StarStar.SplitMix64(ref b);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>One thread's problem, gradient buffer, and an index array kept as the identity between draws.</summary>
    private sealed class Worker(IProblem problem, int count)
    {
        private readonly IDataProblem _problem = (IDataProblem)problem;
        private readonly double[] _gradient = new double[problem.Dimension];
        private readonly int[] _swaps = new int[count];

        private int[] Indices { get; } = Enumerable.Range(0, count).ToArray();

        /// <summary>B distinct indices by a partial Fisher–Yates shuffle (uniform over B-subsets, in random order).</summary>
        public ReadOnlySpan<int> Draw(int size, ulong seed)
        {
            var random = new Xoshiro256StarStar(seed);
            for (int i = 0; i < size; i++)
            {
                int j = i + random.NextInt(Indices.Length - i);
                _swaps[i] = j;
                (Indices[i], Indices[j]) = (Indices[j], Indices[i]);
            }
            return Indices.AsSpan(0, size);
        }

        /// <summary>Undoes <see cref="Draw"/> so the next draw starts from the identity again.</summary>
        public void Undraw(int size)
        {
            for (int i = size - 1; i >= 0; i--)
            {
                int j = _swaps[i];
                (Indices[i], Indices[j]) = (Indices[j], Indices[i]);
            }
        }

        /// <summary>‖g_batch − G‖².</summary>
        public double DeviationSquared(ReadOnlySpan<double> w, ReadOnlySpan<int> batch, ReadOnlySpan<double> full)
        {
            _problem.LossAndGradient(w, batch, _gradient);
            double sum = 0;
            for (int k = 0; k < _gradient.Length; k++)
            {
                double d = _gradient[k] - full[k];
                sum += d * d;
            }
            return sum;
        }
    }
}
