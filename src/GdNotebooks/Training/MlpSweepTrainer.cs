using GdNotebooks.Data;
using GdNotebooks.Experiments;
using GdNotebooks.Numerics;

namespace GdNotebooks.Training;

/// <summary>
/// Runs many SGD configurations of one MLP classifier at once on the float32 fast path (<see cref="Float32Mlp"/>):
/// each configuration is a fused forward + backward + update per mini-batch with no allocation per step, and the
/// configurations are spread over threads one at a time. A configuration's arithmetic never depends on which thread
/// ran it or how many there were, so results are bit-identical for a given seed at any degree of parallelism.
/// <para>
/// Same semantics as <see cref="GradientDescent"/> with <c>sgd</c>, a constant rate, <c>Epochs</c>, <c>BatchSize</c>
/// and <c>Seed</c> (the same start and batch order), in float32 instead of float64.
/// </para>
/// </summary>
public static class MlpSweepTrainer
{
    /// <summary>Whether the fast path applies; see <see cref="Float32Mlp.Supports"/>.</summary>
    public static bool Supports(Problems.Data.Mlp problem) => Float32Mlp.Supports(problem, out _);

    /// <exception cref="UsageException">Bad settings (no rates, a negative or non-finite rate, batch or epochs &lt; 1, unsupported problem).</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked every epoch).</exception>
    public static IReadOnlyList<MlpSweepRun> Run(MlpSweepSettings settings, IProgress<ExperimentProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);
        var problem = settings.Problem;
        var data = new Float32Examples(problem.Train);
        var init = settings.Init ?? problem.InitialPoint(settings.Seed);
        var rates = settings.LearningRates;
        var runs = new MlpSweepRun[rates.Count];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        int workers = Math.Min(options.MaxDegreeOfParallelism, rates.Count);
        int next = -1, done = 0;
        Parallel.For(0, workers, options, _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < rates.Count)
            {
                runs[i] = RunOne(settings, data, init, rates[i], cancellationToken);
                progress?.Report(new ExperimentProgress("training", Interlocked.Increment(ref done), rates.Count));
            }
        });
        return runs;
    }

    private static MlpSweepRun RunOne(MlpSweepSettings settings, Float32Examples data, double[] init, double rate, CancellationToken cancellationToken)
    {
        int batch = Math.Min(settings.BatchSize, data.Rows);
        var network = new Float32Mlp(settings.Problem, init, batch);
        var sampler = new MiniBatchSampler(data.Rows, batch, settings.Seed);
        int perEpoch = sampler.BatchesPerEpoch;
        var epochLosses = new List<double>(settings.Epochs);
        var trainLosses = settings.TrackTrainLoss ? new List<double>(settings.Epochs) : null;
        float learningRate = (float)rate;
        int? divergedAt = null;
        int step = 0;
        for (int epoch = 0; epoch < settings.Epochs && divergedAt is null; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double sum = 0;
            for (int b = 0; b < perEpoch; b++, step++)
            {
                var rows = sampler.Next();
                double loss = network.TrainStep(data, rows, learningRate);
                if (!double.IsFinite(loss))
                {
                    divergedAt = step;
                    sum = double.NaN;
                    break;
                }
                sum += loss * rows.Length;
            }
            epochLosses.Add(sum / data.Rows);
            trainLosses?.Add(divergedAt is null ? network.Loss(data) : double.NaN);
        }
        var parameters = new double[network.Dimension];
        network.GetParameters(parameters);
        double finalLoss = divergedAt is null ? network.Loss(data) : double.NaN;
        return new MlpSweepRun(rate, finalLoss, epochLosses, trainLosses, divergedAt, step, parameters);
    }

    private static void Validate(MlpSweepSettings settings)
    {
        if (settings.Problem is null) throw new ArgumentException("settings.Problem is null", nameof(settings));
        if (!Float32Mlp.Supports(settings.Problem, out var reason)) throw new UsageException(reason);
        if (settings.LearningRates is null || settings.LearningRates.Count == 0) throw new UsageException("a sweep needs at least one learning rate");
        foreach (var rate in settings.LearningRates)
            if (!(rate >= 0) || !double.IsFinite(rate)) throw new UsageException($"lr={rate} is out of range; valid: ≥ 0 and finite");
        if (settings.BatchSize < 1) throw new UsageException($"batch={settings.BatchSize} is out of range; valid: ≥ 1");
        if (settings.Epochs < 1) throw new UsageException($"epochs={settings.Epochs} is out of range; valid: ≥ 1");
        if (settings.MaxDegreeOfParallelism is < 1) throw new UsageException($"degree of parallelism {settings.MaxDegreeOfParallelism} must be ≥ 1");
        if (settings.Init is { } init && init.Length != settings.Problem.Dimension)
            throw new UsageException($"init has {init.Length} values but problem {settings.Problem.Name} has {settings.Problem.Dimension} parameters");
    }
}
