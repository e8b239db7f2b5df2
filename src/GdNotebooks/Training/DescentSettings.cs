using GdNotebooks.Optimizers;
using GdNotebooks.Problems;
using GdNotebooks.Schedules;

namespace GdNotebooks.Training;

/// <summary>
/// Everything that defines one gradient-descent run: the problem, where to start, the optimizer, the base learning
/// rate and its schedule, how long (steps, or epochs for data problems) and the mini-batch size and seed.
/// Checked by <see cref="GradientDescent.Run"/>, which throws <see cref="UsageException"/> for bad values.
/// </summary>
public sealed record DescentSettings
{
    public required IProblem Problem { get; init; }

    /// <summary>The starting point; null for the problem's <see cref="IProblem.InitialPoint"/> with <see cref="Seed"/>.</summary>
    public double[]? Init { get; init; }

    public Optimizer Optimizer { get; init; } = Optimizer.Sgd;

    /// <summary>The base learning rate η that the schedule modulates.</summary>
    public double LearningRate { get; init; } = 0.1;

    public Schedule Schedule { get; init; } = Schedule.Constant;

    /// <summary>The number of updates, unless <see cref="Epochs"/> is given.</summary>
    public int Steps { get; init; } = 100;

    /// <summary>For data problems: run this many passes, i.e. epochs × ⌈train / batch⌉ updates (overrides <see cref="Steps"/>).</summary>
    public int? Epochs { get; init; }

    /// <summary>For data problems: the mini-batch size; null (or ≥ the training set) for full-batch gradients.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Seeds the initial point (for seeded initialisations) and the mini-batch order.</summary>
    public int Seed { get; init; }

    /// <summary>The number of updates the run makes: <see cref="Steps"/>, or epochs × ⌈train / batch⌉ with <see cref="Epochs"/>.</summary>
    public int TotalSteps
    {
        get
        {
            if (Epochs is not { } epochs) return Steps;
            if (Problem is not IDataProblem data) return Steps;
            int batch = Math.Min(BatchSize ?? data.TrainCount, Math.Max(data.TrainCount, 1));
            long perEpoch = (data.TrainCount + batch - 1) / Math.Max(batch, 1);
            return (int)Math.Min((long)epochs * perEpoch, int.MaxValue);
        }
    }
}
