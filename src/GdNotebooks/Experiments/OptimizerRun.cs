using GdNotebooks.Optimizers;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>One optimizer of an <see cref="OptimizerComparison"/>: how the run ended, and the run itself.</summary>
public sealed record OptimizerRun(Optimizer Optimizer, RunOutcome Outcome, Trajectory Trajectory)
{
    public double FinalLoss => Outcome.FinalLoss;
    public bool Diverged => Outcome.Diverged;
    public int? StepsToTolerance => Outcome.StepsToTolerance;
    /// <summary>Where the run ended.</summary>
    public double[] FinalParameters => Trajectory.FinalParameters;
}
