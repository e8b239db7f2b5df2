using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>One learning rate of a <see cref="LearningRateSweep"/>: how the run ended, and the run itself.</summary>
/// <param name="LearningRate">The base rate α of this run.</param>
/// <param name="Outcome">Final and best loss, divergence, steps to tolerance.</param>
/// <param name="Trajectory">Every step of the run.</param>
public sealed record LearningRateSweepRow(double LearningRate, RunOutcome Outcome, Trajectory Trajectory)
{
    public double FinalLoss => Outcome.FinalLoss;
    public double BestLoss => Outcome.BestLoss;
    public bool Diverged => Outcome.Diverged;
    public int? DivergedAt => Outcome.DivergedAt;
    public int? StepsToTolerance => Outcome.StepsToTolerance;
}
