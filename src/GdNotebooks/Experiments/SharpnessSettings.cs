using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// Small-batch against large-batch training (Keskar et al. 2017): <see cref="Descent"/> gives the data problem, start,
/// optimizer, learning rate, schedule and length (use epochs so every batch size sees the same data); each batch size
/// in <see cref="BatchSizes"/> trains from the same start, then its minimum is measured.
/// </summary>
public sealed record SharpnessSettings
{
    public required DescentSettings Descent { get; init; }

    /// <summary>Batch sizes to compare; null (or ≥ the training set) means the full batch.</summary>
    public IReadOnlyList<int?> BatchSizes { get; init; } = [32, 1024];

    /// <summary>Power-iteration products for the top eigenvalue (it stops earlier once converged).</summary>
    public int Iterations { get; init; } = 20;

    /// <summary>Rademacher probes for Hutchinson's trace.</summary>
    public int Probes { get; init; } = 10;

    /// <summary>Worker threads, one run each (null: all cores). Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// Work in full-gradient equivalents: per run, one per update (the runner records the full loss at every step)
    /// and about two per Hessian-vector product.
    /// </summary>
    public long EstimatedCost
    {
        get
        {
            int n = (Descent.Problem as IDataProblem)?.TrainCount ?? 1;
            return BatchSizes.Sum(b => (long)(Descent with { BatchSize = Math.Min(b ?? n, n) }).TotalSteps + 1 + 2L * (Iterations + Probes));
        }
    }
}
