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

    /// <summary>
    /// What the landscape will cost: the training run (or one per batch size), then a loss on the training split (and,
    /// on a line, the test split) at every grid point, one printed row each. A 201×201 surface is 40 401 losses: on an
    /// MLP on digits, minutes.
    /// </summary>
    public WorkEstimate Estimate
    {
        get
        {
            var problem = Descent.Problem;
            int runs = Batches is { Count: > 0 } batches ? batches.Count : 1;
            double operations = WorkCosts.Gradient(problem), peak = 0;
            for (int k = 0; k < runs; k++)
            {
                var run = WorkCosts.Run(Batches is { Count: > 0 } sizes ? Descent with { BatchSize = sizes[k] } : Descent);
                operations += run.Operations;
                peak += run.KeptBytes + run.WorkingBytes + (runs > 1 ? WorkCosts.ProblemBytes(problem) : 0);
            }
            double points = Mode == LandscapeMode.Line ? Resolution : (double)Resolution * Resolution;
            double perPoint = WorkCosts.Loss(problem) + (Mode == LandscapeMode.Line && problem is IDataProblem { TestCount: > 0 } data
                ? WorkCosts.Loss(problem, data.TestCount) : 0);
            operations += points * (perPoint + WorkCosts.OutputRowOperations);
            // The training trajectories are dropped before the grid; the grid's workers each hold a problem and a point.
            double grid = points * (16 + WorkCosts.OutputRowBytes) + 3 * 8.0 * problem.Dimension
                          + WorkCosts.Concurrent(MaxDegreeOfParallelism ?? Environment.ProcessorCount) * WorkCosts.ProblemBytes(problem);
            string training = Descent.TotalSteps == 0 ? "no training" : $"{runs} training run{(runs == 1 ? "" : "s")} of {WorkCosts.Steps(Descent.TotalSteps)}";
            return WorkEstimate.Of(operations, WorkCosts.ProblemBytes(problem) + Math.Max(peak, grid),
                $"{training}, then {points:N0} loss evaluations{(Mode == LandscapeMode.Surface ? $" on a {Resolution}×{Resolution} grid" : "")} " +
                $"on {WorkCosts.Describe(problem, Descent.Optimizer)}, one printed row per point");
        }
    }
}
