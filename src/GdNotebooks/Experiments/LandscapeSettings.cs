using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// What <see cref="LossLandscape"/> evaluates. <see cref="Descent"/> trains the solution(s): the line runs from the start
/// to the trained point, or, with two <see cref="Batches"/>, between the minima of a run with each batch size (from the
/// same start); the surface is centred on the trained point (the start when there are no steps).
/// </summary>
public sealed record LandscapeSettings
{
    public required DescentSettings Descent { get; init; }

    public LandscapeMode Mode { get; init; } = LandscapeMode.Line;

    /// <summary>Points along the line, or along each side of the square grid (≥ 2).</summary>
    public int Resolution { get; init; } = 21;

    /// <summary>The line's α range: α = 0 is the first solution, α = 1 the second.</summary>
    public double From { get; init; } = -0.5;

    public double To { get; init; } = 1.5;

    /// <summary>The surface covers α, β ∈ [−Span, Span] in units of the filter-normalised directions.</summary>
    public double Span { get; init; } = 1;

    /// <summary>Two batch sizes (null: full) whose minima the line joins; null or empty: start → trained point.</summary>
    public IReadOnlyList<int?>? Batches { get; init; }

    /// <summary>Worker threads, each with its own problem instance (null: all cores). Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Loss evaluations on the grid: Resolution for a line (twice with a test split), Resolution² for a surface.</summary>
    public long EvaluationCount => Mode == LandscapeMode.Line
        ? (long)Resolution * (Descent.Problem is IDataProblem { TestCount: > 0 } ? 2 : 1)
        : (long)Resolution * Resolution;

    /// <summary>
    /// Work in full-loss evaluations: the grid plus the training runs (each update records the full loss and gradient,
    /// about two evaluations). A 201×201 surface is 40 401 evaluations: on an MLP on digits, minutes.
    /// </summary>
    public long EstimatedCost => EvaluationCount + 2L * (Descent.TotalSteps + 1) * Math.Max(1, Batches?.Count ?? 1);
}
