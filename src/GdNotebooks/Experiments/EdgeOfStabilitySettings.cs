using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// A full-batch run whose sharpness is tracked (Cohen et al. 2021): the problem, start, optimizer, learning rate η,
/// schedule and number of steps come from <see cref="Descent"/> (its batch size must be null: full batch);
/// every <see cref="Every"/> steps the top Hessian eigenvalue is measured with at most <see cref="Iterations"/>
/// Hessian-vector products, warm-started from the previous eigenvector.
/// </summary>
public sealed record EdgeOfStabilitySettings
{
    public required DescentSettings Descent { get; init; }

    /// <summary>Measure the sharpness at steps 0, k, 2k, … and at the last step.</summary>
    public int Every { get; init; } = 10;

    /// <summary>The cap on power-iteration products per measurement (it usually stops earlier, warm-started).</summary>
    public int Iterations { get; init; } = 20;

    /// <summary>
    /// Full-gradient-equivalents of work: one per step plus about two per Hessian-vector product (Pearlmutter's
    /// R-pass costs roughly two gradients), at most <see cref="Iterations"/> per measurement.
    /// </summary>
    public long EstimatedCost => Descent.TotalSteps + 1 + 2L * Iterations * (Descent.TotalSteps / Math.Max(Every, 1) + 2);
}
