using GdNotebooks.Numerics;
using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// Loss landscapes. The 1-D view evaluates the loss on the segment through two solutions, θ(α) = (1 − α)θ₀ + αθ₁,
/// beyond both ends (Goodfellow, Vinyals &amp; Saxe 2015; Keskar et al. 2017 between small- and large-batch minima).
/// The 2-D view evaluates f(θ* + αδ + βη) on a grid, with δ and η seeded Gaussian directions normalised filter-wise
/// (Li, Xu, Taylor, Studer &amp; Goldstein 2018, "Visualizing the loss landscape of neural nets"): each row of each
/// weight matrix (one output unit's incoming weights, a "filter") of the direction is rescaled to the norm of the same
/// row of θ*, so the picture does not depend on the scale invariances of the network. Bias vectors get a zero
/// direction, as Li et al. do for biases and batch-norm parameters. Problems without weight matrices (analytic ones)
/// have each vector block rescaled as a whole to ‖θ* block‖ (to unit norm when that is 0).
/// Grid points are evaluated in parallel, one problem instance per worker; every value is a pure function of its
/// point, so the result is bit-identical for any thread count.
/// </summary>
public static class LossLandscape
{
    public const int MaxResolution = 1001;

    /// <summary>Runs <see cref="Line"/> or <see cref="Surface"/> as <see cref="LandscapeSettings.Mode"/> says.</summary>
    public static IExperimentResult Run(LandscapeSettings settings, IProgress<ExperimentProgress>? progress = null, CancellationToken cancellationToken = default) =>
        settings.Mode == LandscapeMode.Line ? Line(settings, progress, cancellationToken) : Surface(settings, progress, cancellationToken);

    /// <exception cref="UsageException">Bad resolution or range, batches on an analytic problem or not exactly two.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; checked before every update and every grid point.</exception>
    public static LandscapeLine Line(LandscapeSettings settings, IProgress<ExperimentProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(settings);
        if (!(settings.To > settings.From) || !double.IsFinite(settings.From) || !double.IsFinite(settings.To))
            throw new UsageException($"--from {settings.From} --to {settings.To}: the α range must be finite with from < to");
        if (!double.IsFinite(settings.To - settings.From))
            throw new UsageException($"--from {settings.From} --to {settings.To}: the α range is too wide (to − from overflows); keep both within ±1e300");
        var descent = settings.Descent;
        var start = Start(descent, cancellationToken);
        double[] first, second;
        string firstName, secondName;
        var divergences = new List<TrainingDivergence>();
        if (settings.Batches is { Count: > 0 } batches)
        {
            if (batches.Count != 2) throw new UsageException($"--batches for a 1-D landscape takes two batch sizes (its two minima), given {batches.Count}");
            if (descent.Problem is not IDataProblem data) throw new UsageException($"--batches applies to data problems, not to {descent.Problem.Name}");
            if (batches.FirstOrDefault(b => b is < 1) is int bad) throw new UsageException($"batch size {bad} must be ≥ 1, or full");
            var sizes = batches.Select(b => Math.Min(b ?? data.TrainCount, data.TrainCount)).ToArray();
            var ends = new Trajectory[2];
            ProblemReplicas.For(2, ProblemReplicas.Options(settings.MaxDegreeOfParallelism, cancellationToken), () => 0, (_, k) =>
                ends[k] = GradientDescent.Run(descent with { Problem = ProblemReplicas.Fresh(data), BatchSize = sizes[k] == data.TrainCount ? null : sizes[k], Init = start },
                    cancellationToken));
            (first, second) = (ends[0].FinalParameters, ends[1].FinalParameters);
            (firstName, secondName) = ($"B={Label(sizes[0], data)} minimum", $"B={Label(sizes[1], data)} minimum");
            if (ends[0].DivergedAt is int k0) divergences.Add(new TrainingDivergence(firstName, k0, descent.LearningRate));
            if (ends[1].DivergedAt is int k1) divergences.Add(new TrainingDivergence(secondName, k1, descent.LearningRate));
        }
        else
        {
            first = start;
            (firstName, secondName) = ("start", "trained");
            (second, int? divergedAt) = Train(descent, start, cancellationToken);
            if (divergedAt is int k) divergences.Add(new TrainingDivergence(secondName, k, descent.LearningRate));
        }

        int count = settings.Resolution;
        var alphas = Enumerable.Range(0, count).Select(i => settings.From + (settings.To - settings.From) * i / (count - 1)).ToArray();
        bool hasTest = descent.Problem is IDataProblem { TestCount: > 0 };
        var train = new double[count];
        var test = hasTest ? new double[count] : null;
        int done = 0;
        ProblemReplicas.For(count, ProblemReplicas.Options(settings.MaxDegreeOfParallelism, cancellationToken),
            () => (Problem: ProblemReplicas.Fresh(descent.Problem), Point: new double[first.Length]), (worker, i) =>
            {
                double a = alphas[i];
                for (int k = 0; k < first.Length; k++) worker.Point[k] = (1 - a) * first[k] + a * second[k];
                train[i] = worker.Problem.Loss(worker.Point);
                if (test is not null) test[i] = ((IDataProblem)worker.Problem).TestLoss(worker.Point);
                progress?.Report(new ExperimentProgress("points", Interlocked.Increment(ref done), count));
            });
        return new LandscapeLine(settings, alphas, train, test, firstName, secondName, Distance(first, second), divergences);
    }

    /// <exception cref="UsageException">Bad resolution or span.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; checked before every update and every grid point.</exception>
    public static LandscapeSurface Surface(LandscapeSettings settings, IProgress<ExperimentProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(settings);
        if (!(settings.Span > 0) || !double.IsFinite(settings.Span)) throw new UsageException($"--span {settings.Span} must be > 0");
        if (!double.IsFinite(2 * settings.Span))
            throw new UsageException($"--span {settings.Span} is too large: the grid [−span, span] must have a finite width; keep it within 1e300");
        var descent = settings.Descent;
        var (center, divergedAt) = Train(descent, Start(descent, cancellationToken), cancellationToken);
        var first = FilterNormalizedDirection(descent.Problem, center, DirectionSeed(descent.Seed, 0));
        var second = FilterNormalizedDirection(descent.Problem, center, DirectionSeed(descent.Seed, 1));

        int count = settings.Resolution;
        var axis = Enumerable.Range(0, count).Select(i => -settings.Span + 2 * settings.Span * i / (count - 1)).ToArray();
        var losses = new double[count, count];   // [β index, α index]: plotly's z[row = y][column = x]
        long total = (long)count * count;
        long done = 0;
        ProblemReplicas.For(count * count, ProblemReplicas.Options(settings.MaxDegreeOfParallelism, cancellationToken),
            () => (Problem: ProblemReplicas.Fresh(descent.Problem), Point: new double[center.Length]), (worker, index) =>
            {
                int row = index / count, column = index % count;
                double a = axis[column], b = axis[row];
                for (int k = 0; k < center.Length; k++) worker.Point[k] = center[k] + a * first[k] + b * second[k];
                losses[row, column] = worker.Problem.Loss(worker.Point);
                long now = Interlocked.Increment(ref done);
                if (now % count == 0 || now == total) progress?.Report(new ExperimentProgress("grid points", now, total));
            });
        return new LandscapeSurface(settings, axis, losses, center, first, second,
            divergedAt is int k ? new TrainingDivergence("trained", k, descent.LearningRate) : null);
    }

    /// <summary>
    /// A seeded Gaussian direction normalised filter-wise at <paramref name="w"/> (Li et al. 2018): for each row of each
    /// weight matrix block, d_row ← d_row · ‖w_row‖ / ‖d_row‖; bias vectors (one-column blocks next to weight
    /// matrices) zero. Without any matrix block, each block is scaled as a whole to ‖w_block‖, or to unit norm when 0.
    /// </summary>
    public static double[] FilterNormalizedDirection(IProblem problem, ReadOnlySpan<double> w, int seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (w.Length != problem.Dimension) throw new ArgumentException($"{problem.Name} has {problem.Dimension} parameters, given {w.Length}");
        var random = new Xoshiro256StarStar(seed);
        var direction = new double[problem.Dimension];
        for (int i = 0; i < direction.Length; i++) direction[i] = random.NextGaussian();
        var blocks = problem.Blocks.Count > 0 ? problem.Blocks : ParameterBlock.Vector(problem.Dimension);
        bool network = blocks.Any(b => b.IsMatrix);
        foreach (var block in blocks)
        {
            if (network && !block.IsMatrix)
            {
                direction.AsSpan(block.Offset, block.Length).Clear();
                continue;
            }
            int rows = network ? block.Rows : 1, width = network ? block.Columns : block.Length;
            for (int r = 0; r < rows; r++)
            {
                var d = direction.AsSpan(block.Offset + r * width, width);
                double target = Norm(w.Slice(block.Offset + r * width, width));
                if (!network && target == 0) target = 1;
                double scale = target / Norm(d);
                for (int k = 0; k < d.Length; k++) d[k] *= scale;
            }
        }
        return direction;
    }

    private static void Validate(LandscapeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Resolution < 2 || settings.Resolution > MaxResolution)
            throw new UsageException($"--resolution {settings.Resolution} is out of range; valid: 2 to {MaxResolution}");
    }

    /// <summary>The start, validated by the shared runner (which throws UsageException for bad settings).</summary>
    private static double[] Start(DescentSettings descent, CancellationToken cancellationToken) =>
        GradientDescent.Run(descent with { Steps = 0, Epochs = null, BatchSize = null }, cancellationToken).FinalParameters;

    /// <summary>The trained point, and the step where training diverged if it did (the point is then where the loss stopped being finite).</summary>
    private static (double[] End, int? DivergedAt) Train(DescentSettings descent, double[] start, CancellationToken cancellationToken)
    {
        if (descent.TotalSteps == 0) return (start, null);
        var run = GradientDescent.Run(descent with { Init = start }, cancellationToken);
        return (run.FinalParameters, run.DivergedAt);
    }

    private static int DirectionSeed(int seed, int which) => unchecked(seed * 2 + which + 1_000_003);

    private static string Label(int size, IDataProblem data) => size == data.TrainCount ? "full" : size.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static double Norm(ReadOnlySpan<double> v)
    {
        double sum = 0;
        foreach (double x in v) sum += x * x;
        return Math.Sqrt(sum);
    }

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());
}
