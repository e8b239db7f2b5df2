namespace GdNotebooks.Problems;

/// <summary>
/// A problem that is a mean over training examples (plus penalties), so gradients can be taken on mini-batches.
/// <see cref="IProblem.Loss"/> and <see cref="IProblem.LossAndGradient"/> use the whole training split.
/// </summary>
public interface IDataProblem : IProblem
{
    /// <summary>The data set's name in datasets/, e.g. <c>digits</c>.</summary>
    string DataSet { get; }

    int TrainCount { get; }

    int TestCount { get; }

    /// <summary>Loss and gradient on the training examples with these indices (mean over them, plus penalties).</summary>
    double LossAndGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<int> batch, Span<double> gradient);

    /// <summary>Loss on the held-out split, without penalties.</summary>
    double TestLoss(ReadOnlySpan<double> parameters);

    /// <summary>Fraction classified correctly on the training (<paramref name="test"/> false) or held-out split; null for regression.</summary>
    double? Accuracy(ReadOnlySpan<double> parameters, bool test);
}
