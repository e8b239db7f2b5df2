using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// What <see cref="GradientNoise.Run"/> measures and trains. <see cref="Descent"/> gives the data problem, the start,
/// the optimizer, the base learning rate (used by the smallest batch), the schedule (with any warmup) and the training
/// length (steps, or epochs: then larger batches make fewer steps over the same data).
/// </summary>
public sealed record GradientNoiseSettings
{
    public required DescentSettings Descent { get; init; }

    /// <summary>Batch sizes to compare; null (or ≥ the training set) means the full batch.</summary>
    public IReadOnlyList<int?> BatchSizes { get; init; } = [1, 8, 32, 128, null];

    public LearningRateScaling Scaling { get; init; } = LearningRateScaling.None;

    /// <summary>Seeded mini-batches drawn per batch size to estimate E‖g_B − G‖².</summary>
    public int Samples { get; init; } = 200;

    /// <summary>Measure after this many full-batch updates of the descent's optimizer from the start (0: at the start).</summary>
    public int MeasureAfter { get; init; }

    /// <summary>Also train once per batch size (the loss curves); false measures the noise only.</summary>
    public bool Train { get; init; } = true;

    /// <summary>Worker threads (null: all cores). The result is bit-identical for every value.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// What the measurement will cost: N per-example gradients at the point, <see cref="Samples"/> mini-batch gradients
    /// of each size, <see cref="MeasureAfter"/> full-batch updates before measuring, and with <see cref="Train"/> a
    /// run per batch size (the full loss recorded at every step), each kept and its loss curve charted and in the JSON.
    /// </summary>
    public WorkEstimate Estimate
    {
        get
        {
            var problem = Descent.Problem;
            int n = (problem as IDataProblem)?.TrainCount ?? 1;
            var sizes = BatchSizes.Select(b => Math.Min(b ?? n, n)).Distinct().ToList();
            var before = WorkCosts.Run(Descent with { Steps = MeasureAfter, Epochs = null, BatchSize = null });
            double operations = 2 * WorkCosts.Gradient(problem) + before.Operations + n * WorkCosts.Gradient(problem, 1)
                                + sizes.Sum(b => (double)Samples * WorkCosts.Gradient(problem, b));
            int workers = WorkCosts.Concurrent(MaxDegreeOfParallelism ?? Environment.ProcessorCount);
            // Each worker has its own problem, index arrays and gradient; the deviations and the samples are kept.
            double bytes = before.KeptBytes + before.WorkingBytes + 8.0 * (n + Samples * sizes.Count)
                           + workers * (WorkCosts.ProblemBytes(problem) + 8.0 * n + 8.0 * problem.Dimension);
            if (Train)
            {
                foreach (int b in sizes)
                {
                    var run = Descent with { BatchSize = b };
                    var cost = WorkCosts.Run(run);
                    double points = 2 * (run.TotalSteps + 1.0);
                    operations += cost.Operations + points * WorkCosts.ChartPointOperations;
                    bytes += cost.KeptBytes + points * WorkCosts.ChartPointBytes;
                }
                bytes += workers * sizes.Max(b => WorkCosts.Run(Descent with { BatchSize = b }).WorkingBytes);
            }
            operations += sizes.Count * WorkCosts.OutputRowOperations;
            int longest = Train ? sizes.Max(b => (Descent with { BatchSize = b }).TotalSteps) : 0;
            return WorkEstimate.Of(operations, bytes + sizes.Count * WorkCosts.OutputRowBytes,
                $"{n:N0} per-example gradients, {Samples:N0} mini-batches of each of {sizes.Count} batch size{(sizes.Count == 1 ? "" : "s")}" +
                (Train ? $" and a training run of up to {WorkCosts.Steps(longest)} with each" : "") + $", on {WorkCosts.Describe(problem, Descent.Optimizer)}");
        }
    }
}
