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
    /// What the comparison will cost: per batch size a training run (the runner records the full loss at every step),
    /// then <see cref="Iterations"/> + <see cref="Probes"/> Hessian-vector products and the test metrics; the runs
    /// in parallel, every trajectory kept and its loss curve charted.
    /// </summary>
    public WorkEstimate Estimate
    {
        get
        {
            var problem = Descent.Problem;
            int n = (problem as IDataProblem)?.TrainCount ?? 1;
            var runs = BatchSizes.Select(b => Descent with { BatchSize = Math.Min(b ?? n, n) }).ToArray();
            double operations = WorkCosts.Gradient(problem), kept = 0, working = 0;
            foreach (var run in runs)
            {
                var cost = WorkCosts.Run(run);
                double points = run.TotalSteps + 1.0;
                operations += cost.Operations + (Iterations + Probes) * WorkCosts.HessianVector(problem) + 3 * WorkCosts.Loss(problem)
                              + WorkCosts.OutputRowOperations + points * WorkCosts.ChartPointOperations;
                kept += cost.KeptBytes + WorkCosts.OutputRowBytes + points * WorkCosts.ChartPointBytes;
                working = Math.Max(working, cost.WorkingBytes + WorkCosts.ProblemBytes(problem) + 4 * 8.0 * problem.Dimension);
            }
            int longest = runs.Select(r => r.TotalSteps).DefaultIfEmpty(0).Max();
            return WorkEstimate.Of(operations,
                WorkCosts.ProblemBytes(problem) + kept + WorkCosts.Concurrent(Math.Min(runs.Length, MaxDegreeOfParallelism ?? int.MaxValue)) * working,
                $"{runs.Length} training run{(runs.Length == 1 ? "" : "s")} of up to {WorkCosts.Steps(longest)}, then {Iterations + Probes} " +
                $"Hessian-vector products each, on {WorkCosts.Describe(problem, Descent.Optimizer)}");
        }
    }
}
