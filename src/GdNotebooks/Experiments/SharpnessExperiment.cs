using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// Sharp and flat minima (Keskar, Mudigere, Nocedal, Smelyanskiy &amp; Tang 2017, "On large-batch training for deep
/// learning: generalization gap and sharp minima"): the same network trained from the same start with a small and a
/// large batch; large-batch runs tend to end in sharper minima and generalize worse. Keskar et al. measure sharpness
/// as the largest loss increase in a small box around the minimum; we use the top Hessian eigenvalue λ_max (and the
/// trace, the sum of all curvatures) as PyHessian (Yao et al. 2020) and most later work do.
/// </summary>
public static class SharpnessExperiment
{
    /// <summary>The most Hutchinson probes: each holds a slot of the estimate, so more would only exhaust memory.</summary>
    public const int MaxProbes = 100_000;

    /// <exception cref="UsageException">Not a data problem, a batch size below 1, bad descent settings.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; checked before every update and every Hessian-vector product.</exception>
    public static SharpnessResult Run(SharpnessSettings settings, IProgress<ExperimentProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var descent = settings.Descent;
        if (descent.Problem is not IDataProblem data)
            throw new UsageException($"sharpness compares batch sizes on a data problem (logreg, softmax, mlp); {descent.Problem.Name} has no training examples");
        if (settings.BatchSizes.Count == 0) throw new UsageException("give at least one batch size");
        if (settings.BatchSizes.FirstOrDefault(b => b is < 1) is int bad) throw new UsageException($"batch size {bad} must be ≥ 1, or full");
        if (settings.Iterations < 1) throw new UsageException($"--iterations {settings.Iterations} must be ≥ 1");
        if (settings.Probes < 2) throw new UsageException($"--probes {settings.Probes} must be ≥ 2 (the standard error needs two)");
        if (settings.Probes > MaxProbes) throw new UsageException($"--probes {settings.Probes} is out of range; valid: 2 to {MaxProbes:N0}");
        int n = data.TrainCount;
        var sizes = settings.BatchSizes.Select(b => Math.Min(b ?? n, n)).Distinct().Order().ToArray();
        var start = GradientDescent.Run(descent with { Steps = 0, Epochs = null, BatchSize = null }, cancellationToken).FinalParameters;
        var runs = new SharpnessRun[sizes.Length];
        int done = 0;
        ProblemReplicas.For(sizes.Length, ProblemReplicas.Options(settings.MaxDegreeOfParallelism, cancellationToken),
            () => 0, (_, b) =>
            {
                var problem = (IDataProblem)ProblemReplicas.Fresh(data);
                int size = sizes[b];
                var trajectory = GradientDescent.Run(descent with { Problem = problem, BatchSize = size == n ? null : size, Init = start }, cancellationToken);
                var w = trajectory.FinalParameters;
                double sharpness = double.NaN;
                var trace = new Numerics.TraceEstimate(double.NaN, double.NaN, 0);
                if (trajectory.DivergedAt is null)
                {
                    sharpness = HessianMeasures.Sharpness(problem, w, settings.Iterations, descent.Seed, cancellationToken: cancellationToken).Sharpness;
                    trace = HessianMeasures.Trace(problem, w, settings.Probes, descent.Seed, cancellationToken);
                }
                runs[b] = new SharpnessRun(size, size == n, descent.LearningRate, trajectory, trajectory.Points[^1].Loss, problem.TestLoss(w),
                    problem.Accuracy(w, test: false), problem.Accuracy(w, test: true), sharpness, trace);
                progress?.Report(new ExperimentProgress("batch sizes", Interlocked.Increment(ref done), sizes.Length));
            });
        return new SharpnessResult(settings, runs);
    }
}
