using GdNotebooks.Data;
using GdNotebooks.Experiments;
using GdNotebooks.Problems;

namespace GdNotebooks.Training;

/// <summary>
/// Runs an optimizer on a problem and records every step. Row k holds w_k (the parameters after k updates), the
/// full training loss and gradient norm there, and the learning rate update k used (row 0: none). Update k uses
/// the full gradient, or for a data problem with a batch size the mean gradient over mini-batch k, with the rate
/// <c>Schedule.LearningRate(k, η, N)</c> (0-based k, N total updates). A NaN or infinite loss or gradient ends the run at that
/// row: <see cref="Trajectory.DivergedAt"/> = k, no exception — divergence is a result.
/// </summary>
public static class GradientDescent
{
    /// <summary>The largest dimension for which each row keeps a copy of the parameters.</summary>
    public const int MaxRecordedDimension = 16;

    /// <exception cref="UsageException">Bad settings: negative steps or learning rate, init of the wrong length,
    /// epochs or a batch size on a problem without training data.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked before every update).</exception>
    public static Trajectory Run(DescentSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Validate(settings);
        MiniBatchSampler? sampler = null;
        if (settings.Problem is IDataProblem data && settings.BatchSize is { } size && size < data.TrainCount)
            sampler = new MiniBatchSampler(data.TrainCount, size, settings.Seed);
        return RunLoop(settings, sampler, cancellationToken);
    }

    /// <summary>
    /// What <see cref="Run"/> with <paramref name="settings"/> will cost, before running it: a full loss and gradient
    /// per row, a mini-batch gradient and an update per step, and every row kept and printed (a table row, a chart point).
    /// </summary>
    public static WorkEstimate Estimate(DescentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (operations, kept, working) = WorkCosts.Run(settings);
        double rows = settings.TotalSteps + 1.0;
        return WorkEstimate.Of(operations + rows * WorkCosts.OutputRowOperations,
            kept + working + WorkCosts.ProblemBytes(settings.Problem) + rows * WorkCosts.OutputRowBytes,
            $"{WorkCosts.Steps(settings.TotalSteps)} on {WorkCosts.Describe(settings.Problem, settings.Optimizer)}, one printed row per step");
    }

    /// <summary>The run loop; <paramref name="sampler"/> null means full-batch gradients.</summary>
    private static Trajectory RunLoop(DescentSettings settings, MiniBatchSampler? sampler, CancellationToken cancellationToken)
    {
        var problem = settings.Problem;
        int n = problem.Dimension;
        int total = settings.TotalSteps;
        var w = (settings.Init ?? problem.InitialPoint(settings.Seed)).ToArray();
        var gradient = new double[n];
        var batchGradient = sampler is null ? gradient : new double[n];
        var optimizer = settings.Optimizer;
        var state = optimizer.Init(problem);
        var points = new List<TrajectoryPoint>(Math.Min(total, 1 << 20) + 1);
        double? usedRate = null;
        int? divergedAt = null;

        for (int k = 0; ; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double loss = problem.LossAndGradient(w, gradient);
            double gradientNorm = Norm(gradient);
            points.Add(new TrajectoryPoint(k, loss, usedRate, gradientNorm, n <= MaxRecordedDimension ? w.ToArray() : null));
            // A NaN gradient with a finite loss (e.g. inf − inf inside a layer) poisons every later step just the same.
            if (!double.IsFinite(loss) || !double.IsFinite(gradientNorm))
            {
                divergedAt = k;
                break;
            }
            if (k == total) break;

            double rate = settings.Schedule.LearningRate(k, settings.LearningRate, total);
            if (sampler is not null)
                ((IDataProblem)problem).LossAndGradient(w, sampler.Next(), batchGradient);
            optimizer.Step(w, batchGradient, state, rate, problem);
            usedRate = rate;
        }
        return new Trajectory(points, divergedAt, w, settings);
    }

    private static void Validate(DescentSettings settings)
    {
        var problem = settings.Problem ?? throw new ArgumentException("settings.Problem is null");
        ArgumentNullException.ThrowIfNull(settings.Optimizer);
        ArgumentNullException.ThrowIfNull(settings.Schedule);
        if (!(settings.LearningRate >= 0) || !double.IsFinite(settings.LearningRate))
            throw new UsageException($"lr={settings.LearningRate} is out of range; valid: ≥ 0 and finite");
        if (settings.Steps < 0) throw new UsageException($"steps={settings.Steps} is out of range; valid: ≥ 0");
        if (settings.Epochs is { } epochs)
        {
            if (epochs < 1) throw new UsageException($"epochs={epochs} is out of range; valid: ≥ 1");
            if (problem is not IDataProblem)
                throw new UsageException($"epochs need a problem with training data; {problem.Name} has none, so give steps instead");
        }
        if (settings.BatchSize is { } batch)
        {
            if (batch < 1) throw new UsageException($"batch={batch} is out of range; valid: ≥ 1");
            if (problem is not IDataProblem)
                throw new UsageException($"batch needs a problem with training data; {problem.Name} has none (its gradient is always exact)");
        }
        if (settings.Init is { } init)
        {
            if (init.Length != problem.Dimension)
                throw new UsageException($"init has {init.Length} values but problem {problem.Name} has {problem.Dimension} parameters ({string.Join(", ", problem.ParameterNames)})");
            if (init.Any(v => !double.IsFinite(v)))
                throw new UsageException($"init [{string.Join(", ", init)}] must be finite numbers");
        }
    }

    /// <summary>‖v‖₂ without overflow: a finite vector always has a finite norm (NaN or ∞ entries give NaN or ∞).</summary>
    private static double Norm(ReadOnlySpan<double> values)
    {
        double scale = 0;
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) return double.IsNaN(v) ? double.NaN : double.PositiveInfinity;
            scale = Math.Max(scale, Math.Abs(v));
        }
        if (scale == 0) return 0;
        double sum = 0;
        foreach (double v in values) sum += (v / scale) * (v / scale);
        return scale * Math.Sqrt(sum);
    }
}
