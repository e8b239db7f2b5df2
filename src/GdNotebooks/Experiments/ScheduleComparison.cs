using GdNotebooks.Schedules;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// Runs the same descent once per learning-rate schedule (same problem, start, optimizer, base rate, budget and
/// seed) and compares how the loss fell under each.
/// </summary>
public static class ScheduleComparison
{
    /// <summary>What comparing <paramref name="schedules"/> schedules will cost: one run each, every one kept for the result.</summary>
    public static WorkEstimate Estimate(DescentSettings template, int schedules)
    {
        ArgumentNullException.ThrowIfNull(template);
        var (operations, bytes) = WorkCosts.Runs(Enumerable.Repeat(template, Math.Max(schedules, 1)).ToArray());
        return WorkEstimate.Of(operations, bytes + WorkCosts.ProblemBytes(template.Problem),
            WorkCosts.Runs(schedules, template, template.Optimizer));
    }

    /// <summary>Runs <paramref name="template"/> with each of <paramref name="schedules"/> in place of its schedule.</summary>
    /// <param name="template">Everything the runs share; its schedule is replaced.</param>
    /// <param name="schedules">At least one schedule; rows keep this order.</param>
    /// <param name="tolerance">The loss level for <see cref="RunOutcome.StepsToTolerance"/>.</param>
    /// <param name="progress">One tick per finished schedule.</param>
    /// <param name="cancellationToken">Checked before every update of every run.</param>
    /// <param name="maxDegreeOfParallelism">At most this many runs at once; null uses every core. The result is the same either way.</param>
    public static ScheduleComparisonResult Run(DescentSettings template, IReadOnlyList<Schedule> schedules, double tolerance = 1e-6,
        IProgress<ExperimentProgress>? progress = null, CancellationToken cancellationToken = default, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(schedules);
        if (schedules.Count == 0) throw new UsageException("a schedule comparison needs at least one schedule");
        if (schedules.Any(s => s is null)) throw new ArgumentException("a schedule is null", nameof(schedules));
        var list = schedules.ToArray();
        var runs = ParallelRuns.Run(template, list.Length, (i, settings) => settings with { Schedule = list[i] },
            "schedules", progress, cancellationToken, maxDegreeOfParallelism);
        var rows = list.Select((s, i) => new ScheduleRun(s, RunOutcome.Of(runs[i], tolerance), runs[i])).ToArray();
        return new ScheduleComparisonResult(template, tolerance, rows);
    }
}
