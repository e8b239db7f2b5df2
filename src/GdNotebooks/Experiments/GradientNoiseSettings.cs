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
    /// Work in single-example gradient evaluations: N per-example gradients at the point, Samples·B for each batch
    /// size, N per full-batch update before measuring, and for training N (the full loss recorded) plus B per update.
    /// </summary>
    public long EstimatedCost
    {
        get
        {
            int n = (Descent.Problem as IDataProblem)?.TrainCount ?? 1;
            var sizes = BatchSizes.Select(b => Math.Min(b ?? n, n)).ToList();
            long cost = n + (long)MeasureAfter * n + sizes.Sum(b => (long)Samples * b);
            if (Train)
                foreach (int b in sizes)
                    cost += (long)(Descent with { BatchSize = b }).TotalSteps * (n + b) + n;
            return cost;
        }
    }
}
