using GdNotebooks.Schedules;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>One schedule of a <see cref="ScheduleComparison"/>: how the run ended, and the run itself.</summary>
public sealed record ScheduleRun(Schedule Schedule, RunOutcome Outcome, Trajectory Trajectory)
{
    /// <summary>The rate each update used, as recorded by the run: element k is the rate of update k (0-based).</summary>
    public double[] LearningRates => Trajectory.Points.Skip(1).Select(p => p.LearningRate ?? double.NaN).ToArray();

    public double FinalLoss => Outcome.FinalLoss;
    public double BestLoss => Outcome.BestLoss;
    public bool Diverged => Outcome.Diverged;
}
