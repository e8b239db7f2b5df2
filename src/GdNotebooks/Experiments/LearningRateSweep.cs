using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// Runs the same descent once per learning rate and reports how each ended: final and best loss, whether and when it
/// diverged (see <see cref="RunOutcome"/> for the rule), and the first step at which the loss reached a tolerance.
/// On problems with a constant Hessian the result also knows the stability limit 2/L.
/// </summary>
public static class LearningRateSweep
{
    /// <summary>
    /// What sweeping <paramref name="rates"/> learning rates with <paramref name="template"/> will cost: one run per rate
    /// (every one kept for the result), and for a problem of at most 64 parameters the two dense Hessians that check
    /// for the stability limit 2/L.
    /// </summary>
    public static WorkEstimate Estimate(DescentSettings template, int rates)
    {
        ArgumentNullException.ThrowIfNull(template);
        var (operations, bytes) = WorkCosts.Runs(Enumerable.Repeat(template, Math.Max(rates, 1)).ToArray());
        int n = template.Problem.Dimension;
        if (n <= StabilityLimit.MaxDimension) operations += 2.0 * n * WorkCosts.HessianVector(template.Problem);
        return WorkEstimate.Of(operations, bytes + WorkCosts.ProblemBytes(template.Problem),
            WorkCosts.Runs(rates, template, template.Optimizer));
    }

    /// <summary>Sweeps <paramref name="learningRates"/> with everything else taken from <paramref name="template"/>.</summary>
    /// <param name="template">Problem, start, optimizer, schedule, budget, batching and seed shared by every run; its
    /// <see cref="DescentSettings.LearningRate"/> is replaced by each rate in turn.</param>
    /// <param name="learningRates">The base rates, each finite and &gt; 0; rows keep this order.</param>
    /// <param name="tolerance">The loss level for <see cref="RunOutcome.StepsToTolerance"/>.</param>
    /// <param name="progress">One tick per finished rate.</param>
    /// <param name="cancellationToken">Checked before every update of every run.</param>
    /// <param name="maxDegreeOfParallelism">At most this many runs at once; null uses every core. The result is the same either way.</param>
    /// <exception cref="UsageException">No rates, a rate that is not finite and positive, or bad template settings.</exception>
    public static LearningRateSweepResult Run(DescentSettings template, IReadOnlyList<double> learningRates, double tolerance = 1e-6,
        IProgress<ExperimentProgress>? progress = null, CancellationToken cancellationToken = default, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(learningRates);
        if (learningRates.Count == 0) throw new UsageException("a learning-rate sweep needs at least one rate");
        foreach (double lr in learningRates)
            if (!double.IsFinite(lr) || lr <= 0)
                throw new UsageException($"learning rate {lr} is out of range; every rate of a sweep must be finite and > 0");
        if (double.IsNaN(tolerance)) throw new UsageException("tolerance is NaN; give a number such as 1e-6");

        var rates = learningRates.ToArray();
        var runs = ParallelRuns.Run(template, rates.Length, (i, settings) => settings with { LearningRate = rates[i] },
            "learning rates", progress, cancellationToken, maxDegreeOfParallelism);
        var rows = rates.Select((lr, i) => new LearningRateSweepRow(lr, RunOutcome.Of(runs[i], tolerance), runs[i])).ToArray();

        cancellationToken.ThrowIfCancellationRequested();
        var start = runs[0].Points[0].Parameters ?? template.Init ?? template.Problem.InitialPoint(template.Seed);
        double? curvature = StabilityLimit.LargestCurvature(template.Problem, start, template.Seed);
        return new LearningRateSweepResult(template, tolerance, rows, curvature);
    }
}
