using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// Gradient descent at the edge of stability (Cohen, Kaur, Li, Kolter &amp; Talwalkar 2021, "Gradient descent on neural
/// networks typically occurs at the edge of stability"). On a quadratic, GD with step η diverges along any direction
/// whose curvature exceeds 2/η. Full-batch GD on a network first sharpens (λ_max grows, "progressive sharpening")
/// until λ_max reaches 2/η, then hovers there while the loss keeps falling, non-monotonically. This runs full-batch
/// descent and measures λ_max every k steps by warm-started power iteration on exact Hessian-vector products.
/// <para>
/// A setup that gets there in well under a second (tested): <c>mlp:data=house_prices,hidden=[16],act=tanh</c> (80
/// training rows, squared error on the raw prices), plain GD at η = 0.003 for 500 steps, so 2/η ≈ 667. The sharpness
/// starts above 2/η (≈ 820–870); GD first self-stabilises (a catapult), then the sharpness settles at 2/η while the
/// loss keeps falling non-monotonically: over the last fifth it averages 92.7% of 2/η for seed 0 and 100.5% for seed 1.
/// Not every seed settles: with seed 3 the start is flatter (≈ 650), the sharpness overshoots and oscillates around
/// 1.2–2.4 × 2/η. Cross-entropy on iris or wine does not stay at the edge: the loss goes to 0 and the sharpness decays.
/// </para>
/// </summary>
public static class EdgeOfStability
{
    /// <exception cref="UsageException">A mini-batch size was given, or bad descent settings.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; checked before every step and every Hessian-vector product.</exception>
    public static EdgeOfStabilityResult Run(EdgeOfStabilitySettings settings, IProgress<ExperimentProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var descent = settings.Descent;
        if (descent.BatchSize is { } batch && !(descent.Problem is IDataProblem d && batch >= d.TrainCount))
            throw new UsageException($"the edge-of-stability run uses full-batch gradients; drop --batch {batch} (or give --batch full)");
        if (settings.Every < 1) throw new UsageException($"--every {settings.Every} must be ≥ 1");
        if (settings.Iterations < 1) throw new UsageException($"--iterations {settings.Iterations} must be ≥ 1");
        if (!(descent.LearningRate > 0) || !double.IsFinite(descent.LearningRate))
            throw new UsageException($"--lr {descent.LearningRate} must be > 0: the stability threshold is 2/lr");
        // Let the shared runner validate everything else (init length, steps) without running.
        GradientDescent.Run(descent with { Steps = 0, Epochs = null }, cancellationToken);

        var problem = descent.Problem;
        int n = problem.Dimension, total = descent.TotalSteps;
        var w = (descent.Init ?? problem.InitialPoint(descent.Seed)).ToArray();
        var gradient = new double[n];
        var state = descent.Optimizer.Init(problem);
        var losses = new List<double>(total + 1);
        var measured = new List<SharpnessPoint>();
        double[]? vector = null;
        int? divergedAt = null;
        for (int k = 0; ; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double loss = problem.LossAndGradient(w, gradient);
            losses.Add(loss);
            if (!double.IsFinite(loss))
            {
                divergedAt = k;
                break;
            }
            if (k % settings.Every == 0 || k == total)
            {
                var (sharpness, v) = HessianMeasures.Sharpness(problem, w, settings.Iterations, descent.Seed, vector, cancellationToken);
                vector = v;
                measured.Add(new SharpnessPoint(k, loss, sharpness));
            }
            progress?.Report(new ExperimentProgress("steps", k, total));
            if (k == total) break;
            double rate = descent.Schedule.LearningRate(k, descent.LearningRate, total);
            descent.Optimizer.Step(w, gradient, state, rate, problem);
        }
        return new EdgeOfStabilityResult(settings, losses, measured, divergedAt);
    }
}
