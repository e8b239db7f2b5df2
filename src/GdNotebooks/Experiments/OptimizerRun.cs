using GdNotebooks.Optimizers;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>One optimizer of an <see cref="OptimizerComparison"/>: how the run ended, and the run itself.</summary>
public sealed record OptimizerRun(Optimizer Optimizer, RunOutcome Outcome, Trajectory Trajectory)
{
    /// <summary>The base learning rate this optimizer ran with.</summary>
    public double LearningRate => Trajectory.Settings.LearningRate;

    /// <summary>The optimizer's spec, with its learning rate when that differs from the comparison's: <c>adam (lr 0.02)</c>.</summary>
    public string Label(double sharedLearningRate) =>
        LearningRate == sharedLearningRate ? Optimizer.ToString() : $"{Optimizer} (lr {LearningRateSweepResult.G(LearningRate)})";

    public double FinalLoss => Outcome.FinalLoss;
    public bool Diverged => Outcome.Diverged;
    public int? StepsToTolerance => Outcome.StepsToTolerance;
    /// <summary>Where the run ended.</summary>
    public double[] FinalParameters => Trajectory.FinalParameters;
}
