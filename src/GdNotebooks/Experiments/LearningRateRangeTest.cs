using GdNotebooks.Data;
using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// The learning-rate range test (Smith 2017, "Cyclical Learning Rates for Training Neural Networks", §3.3; fastai's
/// <c>lr_find</c>): one run whose rate grows exponentially from <c>minLr</c> to <c>maxLr</c>, one update per rate,
/// recording the loss after each update. The loss is smoothed by a bias-corrected exponential moving average
/// s_k = m_k / (1 − β^(k+1)), m_k = β m_{k−1} + (1 − β) L_k, and the test stops early once s_k &gt; 4 · min s or the
/// loss turns non-finite. The suggested rate is where the smoothed loss falls fastest against log lr, searched
/// between the first 10% of the points and the minimum of the smoothed loss; the rate at that minimum, divided by
/// ten, is given as a second, more cautious choice.
/// </summary>
public static class LearningRateRangeTest
{
    /// <summary>The smoothed loss may grow to this multiple of its best before the test stops (fastai's rule).</summary>
    public const double StopFactor = 4;

    /// <summary>
    /// What a range test of <paramref name="steps"/> updates with <paramref name="template"/> will cost: an update and a
    /// loss and gradient (on the next mini-batch, or the full batch) per step, and one printed row per step.
    /// </summary>
    public static WorkEstimate Estimate(DescentSettings template, int steps)
    {
        ArgumentNullException.ThrowIfNull(template);
        var problem = template.Problem;
        int? batch = problem is IDataProblem data && template.BatchSize is int size && size < data.TrainCount ? size : null;
        double perStep = WorkCosts.Update(template.Optimizer, problem) + WorkCosts.Gradient(problem, batch) + WorkCosts.OutputRowOperations;
        double rowBytes = 56 + WorkCosts.OutputRowBytes;
        return WorkEstimate.Of(WorkCosts.Gradient(problem, batch) + Math.Max(steps, 0) * perStep,
            WorkCosts.ProblemBytes(problem) + WorkCosts.OptimizerBytes(template.Optimizer, problem) + Math.Max(steps, 0) * rowBytes,
            $"{WorkCosts.Steps(steps)} on {WorkCosts.Describe(problem, template.Optimizer)}, one printed row per step");
    }

    /// <summary>Runs the range test.</summary>
    /// <param name="template">Problem, start, optimizer, batch size and seed. Its learning rate, schedule, steps and epochs are not used.</param>
    /// <param name="minLr">The first rate, &gt; 0.</param>
    /// <param name="maxLr">The last rate, &gt; <paramref name="minLr"/>.</param>
    /// <param name="steps">Updates (and rates) at most, ≥ 3: rate k is minLr·(maxLr/minLr)^(k/(steps−1)).</param>
    /// <param name="smoothing">β of the moving average, in [0, 1); 0 means no smoothing.</param>
    /// <param name="progress">A tick every few updates.</param>
    /// <param name="cancellationToken">Checked before every update.</param>
    /// <remarks>With mini-batches (a data problem and a batch size) the loss recorded after update k is the loss of
    /// the next mini-batch at the new parameters, as fastai records it; otherwise it is the full loss.</remarks>
    public static LearningRateRangeTestResult Run(DescentSettings template, double minLr = 1e-7, double maxLr = 10, int steps = 100,
        double smoothing = 0.98, IProgress<ExperimentProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!double.IsFinite(minLr) || minLr <= 0) throw new UsageException($"--min-lr {minLr} is out of range; valid: finite and > 0");
        if (!double.IsFinite(maxLr) || maxLr <= minLr) throw new UsageException($"--max-lr {maxLr} is out of range; valid: finite and > --min-lr {minLr}");
        if (steps < 3) throw new UsageException($"--steps {steps} is out of range; the range test needs at least 3 updates");
        if (!(smoothing >= 0 && smoothing < 1)) throw new UsageException($"--smoothing {smoothing} is out of range; valid: 0 ≤ β < 1");
        var problem = template.Problem;
        int n = problem.Dimension;
        var data = problem as IDataProblem;
        if (template.BatchSize is not null && data is null)
            throw new UsageException($"batch needs a problem with training data; {problem.Name} has none (its gradient is always exact)");
        if (template.Init is { } init && init.Length != n)
            throw new UsageException($"init has {init.Length} values but problem {problem.Name} has {n} parameters");
        MiniBatchSampler? sampler = data is not null && template.BatchSize is { } size && size < data.TrainCount
            ? new MiniBatchSampler(data.TrainCount, size, template.Seed) : null;

        var w = (template.Init ?? problem.InitialPoint(template.Seed)).ToArray();
        var gradient = new double[n];
        var optimizer = template.Optimizer;
        var state = optimizer.Init(problem);
        double Evaluate() => sampler is null ? problem.LossAndGradient(w, gradient) : data!.LossAndGradient(w, sampler.Next(), gradient);

        double initialLoss = Evaluate();
        var points = new List<RangeTestPoint>(Math.Min(steps, 1 << 16));
        // A start where the loss is already NaN or infinite (log 0) has nothing to test: say so rather than blame the first rate.
        if (!double.IsFinite(initialLoss))
            return new LearningRateRangeTestResult(template, minLr, maxLr, steps, smoothing, initialLoss, points,
                "the loss is not finite at the start, before any update", null);
        // The geometric grid minLr·ratio^t; in logs only when maxLr / minLr overflows (a range like 1e-300 … 1e300),
        // which would make every rate infinite. Keeping the direct form elsewhere keeps published rates bit-identical.
        double average = 0, best = double.PositiveInfinity, ratio = maxLr / minLr, logMin = Math.Log(minLr), logSpan = Math.Log(maxLr) - logMin;
        int tick = Math.Max(1, steps / 100);
        string? stop = null;
        for (int k = 0; k < steps; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double t = k / (double)(steps - 1);
            double lr = k == steps - 1 ? maxLr : double.IsFinite(ratio) ? minLr * Math.Pow(ratio, t) : Math.Exp(logMin + logSpan * t);
            optimizer.Step(w, gradient, state, lr, problem);
            double loss = Evaluate();
            average = smoothing * average + (1 - smoothing) * loss;
            double smoothed = average / (1 - Math.Pow(smoothing, k + 1));
            points.Add(new RangeTestPoint(k, lr, loss, smoothed));
            if (k % tick == 0 || k == steps - 1) progress?.Report(new ExperimentProgress("range test", k + 1, steps));
            if (!double.IsFinite(smoothed))
            {
                stop = $"the loss turned non-finite at step {k} (lr {LearningRateSweepResult.G(lr)})";
                break;
            }
            best = Math.Min(best, smoothed);
            if (smoothed > StopFactor * best)
            {
                stop = $"the smoothed loss passed {StopFactor}× its best at lr {LearningRateSweepResult.G(lr)}";
                break;
            }
        }
        return new LearningRateRangeTestResult(template, minLr, maxLr, steps, smoothing, initialLoss, points, stop, Suggest(points));
    }

    /// <summary>
    /// The index of the steepest descent of the smoothed loss against log lr (central differences, one-sided at the
    /// ends, as numpy.gradient), looked for after the first 10% of the points and up to the smoothed minimum; null
    /// when the smoothed loss never falls there.
    /// </summary>
    internal static int? Suggest(IReadOnlyList<RangeTestPoint> points)
    {
        int count = points.Count;
        if (count < 3) return null;
        int minimum = 0;
        for (int i = 1; i < count; i++)
            if (double.IsFinite(points[i].SmoothedLoss) && points[i].SmoothedLoss < points[minimum].SmoothedLoss) minimum = i;
        int from = Math.Max(1, count / 10);
        int? steepest = null;
        double steepestSlope = 0;
        for (int i = from; i <= minimum; i++)
        {
            int lo = Math.Max(i - 1, 0), hi = Math.Min(i + 1, count - 1);
            double slope = (points[hi].SmoothedLoss - points[lo].SmoothedLoss) / (Math.Log10(points[hi].LearningRate) - Math.Log10(points[lo].LearningRate));
            if (double.IsFinite(slope) && slope < steepestSlope)
            {
                steepestSlope = slope;
                steepest = i;
            }
        }
        return steepest;
    }
}
