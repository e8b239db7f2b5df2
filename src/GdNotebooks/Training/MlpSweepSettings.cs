using GdNotebooks.Problems.Data;

namespace GdNotebooks.Training;

/// <summary>
/// A learning-rate sweep of plain mini-batch SGD on one <see cref="Mlp"/> classifier, for <see cref="MlpSweepTrainer"/>:
/// every configuration starts from <c>Problem.InitialPoint(Seed)</c> and sees the mini-batches of
/// <c>MiniBatchSampler(train, BatchSize, Seed)</c>, exactly as <see cref="GradientDescent"/> with the same settings.
/// </summary>
public sealed record MlpSweepSettings
{
    public required Mlp Problem { get; init; }

    /// <summary>One configuration per learning rate η (constant schedule).</summary>
    public required IReadOnlyList<double> LearningRates { get; init; }

    public int BatchSize { get; init; } = 32;
    public int Epochs { get; init; } = 20;
    public int Seed { get; init; }

    /// <summary>The start; null for <c>Problem.InitialPoint(Seed)</c>.</summary>
    public double[]? Init { get; init; }

    /// <summary>Worker threads; null for all cores. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// Also evaluate the full training loss after every epoch (one forward pass over the training set each time;
    /// about half the cost of an epoch of training with batch 32). Off by default: the per-epoch curve is then the
    /// mean mini-batch loss seen during the epoch, as a PyTorch training loop reports it.
    /// </summary>
    public bool TrackTrainLoss { get; init; }

    /// <summary>Updates per configuration: epochs × ⌈train / batch⌉.</summary>
    public int StepsPerRun => Epochs * ((Problem.TrainCount + Math.Min(BatchSize, Problem.TrainCount) - 1) / Math.Min(BatchSize, Problem.TrainCount));
}
