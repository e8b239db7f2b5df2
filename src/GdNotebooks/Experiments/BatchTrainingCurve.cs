using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>A training run with batch size <paramref name="BatchSize"/> at the scaled learning rate <paramref name="LearningRate"/>.</summary>
public sealed record BatchTrainingCurve(int BatchSize, bool IsFullBatch, double LearningRate, Trajectory Trajectory, int TrainCount)
{
    /// <summary>Examples whose gradients the run had used after k updates: whole epochs of N plus k′·B within the current one.</summary>
    public double[] ExamplesSeen
    {
        get
        {
            int perEpoch = (TrainCount + BatchSize - 1) / BatchSize;
            return Trajectory.Points.Select(p =>
            {
                long epochs = p.Step / perEpoch, within = p.Step % perEpoch;
                return (double)(epochs * TrainCount + Math.Min(within * (long)BatchSize, TrainCount));
            }).ToArray();
        }
    }
}
