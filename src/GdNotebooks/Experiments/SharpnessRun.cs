using GdNotebooks.Numerics;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// One batch size's training run and the minimum it reached: losses and accuracies on both splits, the sharpness
/// λ_max of the training-loss Hessian, its trace (Hutchinson), and the generalization gap test − train loss.
/// Accuracies are null for regression.
/// </summary>
public sealed record SharpnessRun(
    int BatchSize, bool IsFullBatch, double LearningRate, Trajectory Trajectory,
    double TrainLoss, double TestLoss, double? TrainAccuracy, double? TestAccuracy,
    double Sharpness, TraceEstimate Trace)
{
    /// <summary>Test loss − training loss.</summary>
    public double GeneralizationGap => TestLoss - TrainLoss;

    /// <summary>The parameters at the end of training.</summary>
    public double[] Parameters => Trajectory.FinalParameters;
}
