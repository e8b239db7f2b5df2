namespace GdNotebooks.Training;

/// <summary>
/// One configuration of an <see cref="MlpSweepTrainer"/> sweep. <see cref="EpochLosses"/>[e] is the mean mini-batch
/// loss seen during epoch e (each batch's loss before its update, weighted by batch size); <see cref="TrainLosses"/>[e],
/// when tracked, the full training loss after epoch e. <see cref="FinalLoss"/> is the full training loss of the final
/// parameters (float32 forward pass), NaN when the run diverged. A run diverges at the first update whose mini-batch
/// loss is not finite: <see cref="DivergedAtStep"/> is that update's 0-based index and training stops there.
/// </summary>
public sealed record MlpSweepRun(
    double LearningRate,
    double FinalLoss,
    IReadOnlyList<double> EpochLosses,
    IReadOnlyList<double>? TrainLosses,
    int? DivergedAtStep,
    int Steps,
    double[] FinalParameters)
{
    public bool Diverged => DivergedAtStep is not null;
}
