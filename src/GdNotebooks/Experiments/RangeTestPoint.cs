namespace GdNotebooks.Experiments;

/// <summary>Update <paramref name="Step"/> of a <see cref="LearningRateRangeTest"/>: the rate it used, the loss after it, and that loss smoothed.</summary>
public sealed record RangeTestPoint(int Step, double LearningRate, double Loss, double SmoothedLoss);
