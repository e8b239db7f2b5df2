using GdNotebooks.Optimizers;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// An optimizer race: the same descent (problem, start, learning rate, schedule, budget, seed) once per optimizer.
/// On 2-parameter problems the result also holds the loss surface around every trajectory, to draw them over it.
/// </summary>
public static class OptimizerComparison
{
    /// <summary>
    /// What racing <paramref name="optimizers"/> will cost: one run each (newton's dense Hessian counts), every one kept
    /// for the result, and on 2-parameter problems the loss surface behind the trajectories.
    /// </summary>
    public static WorkEstimate Estimate(DescentSettings template, IReadOnlyList<Optimizer> optimizers)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(optimizers);
        var (operations, bytes) = WorkCosts.Runs(optimizers.Select(o => template with { Optimizer = o }).ToArray());
        if (template.Problem.Dimension == 2)
            operations += (double)LossSurface.Resolution * LossSurface.Resolution * WorkCosts.Loss(template.Problem);
        var newton = optimizers.FirstOrDefault(WorkCosts.IsNewton);
        return WorkEstimate.Of(operations, bytes + WorkCosts.ProblemBytes(template.Problem),
            WorkCosts.Runs(optimizers.Count, template, newton));
    }

    /// <summary>Runs <paramref name="template"/> with each of <paramref name="optimizers"/> in place of its optimizer.</summary>
    /// <param name="template">Everything the runs share; its optimizer is replaced.</param>
    /// <param name="optimizers">At least one optimizer; rows keep this order.</param>
    /// <param name="tolerance">The loss level for <see cref="RunOutcome.StepsToTolerance"/>.</param>
    /// <param name="progress">One tick per finished optimizer.</param>
    /// <param name="cancellationToken">Checked before every update of every run and every row of the loss surface.</param>
    /// <param name="maxDegreeOfParallelism">At most this many runs at once; null uses every core. The result is the same either way.</param>
    /// <param name="learningRates">Optional: a base rate per optimizer (null entries, or no list, use the template's),
    /// since adaptive methods and plain SGD rarely share a good rate.</param>
    public static OptimizerComparisonResult Run(DescentSettings template, IReadOnlyList<Optimizer> optimizers, double tolerance = 1e-6,
        IProgress<ExperimentProgress>? progress = null, CancellationToken cancellationToken = default, int? maxDegreeOfParallelism = null,
        IReadOnlyList<double?>? learningRates = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(optimizers);
        if (optimizers.Count == 0) throw new UsageException("an optimizer comparison needs at least one optimizer");
        if (optimizers.Any(o => o is null)) throw new ArgumentException("an optimizer is null", nameof(optimizers));
        if (learningRates is not null && learningRates.Count != optimizers.Count)
            throw new ArgumentException($"{learningRates.Count} learning rates for {optimizers.Count} optimizers; give one (or null) per optimizer", nameof(learningRates));
        var list = optimizers.ToArray();
        var rates = list.Select((_, i) => learningRates?[i] ?? template.LearningRate).ToArray();
        var runs = ParallelRuns.Run(template, list.Length, (i, settings) => settings with { Optimizer = list[i], LearningRate = rates[i] },
            "optimizers", progress, cancellationToken, maxDegreeOfParallelism);
        var rows = list.Select((o, i) => new OptimizerRun(o, RunOutcome.Of(runs[i], tolerance), runs[i])).ToArray();

        LossSurface? surface = null;
        if (template.Problem.Dimension == 2)
            surface = LossSurface.Around(template.Problem, Covered(rows), cancellationToken);
        return new OptimizerComparisonResult(template, tolerance, rows, surface);
    }

    /// <summary>
    /// The points the contour must cover: every point of the runs that did not diverge, and the points of diverged runs
    /// while their loss stays within 10× the largest loss seen otherwise (initial losses included). A diverging run
    /// reaches w ≈ 1e80 before its loss overflows; covering that would shrink everything else to a dot.
    /// </summary>
    private static IEnumerable<(double X, double Y)> Covered(IReadOnlyList<OptimizerRun> rows)
    {
        double bound = 10 * rows.SelectMany(r => r.Diverged ? r.Trajectory.Points.Take(1) : r.Trajectory.Points)
            .Select(p => p.Loss).Where(double.IsFinite).DefaultIfEmpty(0).Max(Math.Abs);
        return rows.SelectMany(r => r.Trajectory.Points.Where(p => !r.Diverged || Math.Abs(p.Loss) <= bound))
            .Where(p => p.Parameters is not null).Select(p => (p.Parameters![0], p.Parameters[1]));
    }
}
