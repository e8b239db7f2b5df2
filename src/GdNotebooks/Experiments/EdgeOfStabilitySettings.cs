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
    /// What the run will cost: the descent (a full gradient per step), at most <see cref="Iterations"/> Hessian-vector
    /// products per measurement, the loss kept per step, and one printed row per step.
    /// </summary>
    public WorkEstimate Estimate
    {
        get
        {
            var problem = Descent.Problem;
            var (operations, kept, working) = WorkCosts.Run(Descent);
            double steps = Descent.TotalSteps, rows = steps + 1, measurements = steps / Math.Max(Every, 1) + 2;
            operations += measurements * Iterations * WorkCosts.HessianVector(problem) + rows * WorkCosts.OutputRowOperations;
            // The loop keeps a loss per step (not a trajectory) and a few power-iteration vectors.
            double bytes = rows * (16 + WorkCosts.OutputRowBytes) + measurements * 48 + working + 4 * 8.0 * problem.Dimension
                           + WorkCosts.ProblemBytes(problem);
            return WorkEstimate.Of(operations, bytes,
                $"{WorkCosts.Steps(Descent.TotalSteps)} on {WorkCosts.Describe(problem, Descent.Optimizer)} with {measurements:N0} sharpness " +
                $"measurements of up to {Iterations:N0} Hessian-vector products, one printed row per step");
        }
    }
}
