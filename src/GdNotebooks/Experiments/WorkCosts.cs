using GdNotebooks.Optimizers;
using GdNotebooks.Problems;
using GdNotebooks.Problems.Data;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// The unit costs behind every <see cref="WorkEstimate"/>, in operations and bytes, and the cost of one
/// <see cref="GradientDescent"/> run built from them. Calibrated against timings of this code (see
/// <see cref="WorkEstimate.OperationsPerSecond"/>), not derived: a rough model that errs on the expensive side.
/// </summary>
internal static class WorkCosts
{
    /// <summary>Per update: the schedule, the gradient norm, the optimizer's loop, the recorded row (0.3–0.7 µs measured).</summary>
    public const double StepOverhead = 200;

    /// <summary>Per example and gradient, beside the parameters: the per-example loop, activations, the loss.</summary>
    public const double ExampleOverhead = 150;

    /// <summary>Per parameter of an analytic problem or a formula, for its loss and gradient.</summary>
    public const double AnalyticPerParameter = 20;

    /// <summary>A Hessian-vector product (Pearlmutter's R-pass) against a gradient: 2–3.5 measured on MLPs.</summary>
    public const double HessianVectorFactor = 3;

    /// <summary>A row of a printed result (aligned table, CSV, JSON, the notebook's HTML table and chart data):
    /// 7–27 µs and 0.8–1.8 KB at the peak, measured on a million-row descent.</summary>
    public const double OutputRowOperations = 8_000, OutputRowBytes = 1_800;

    /// <summary>A point of a chart's curve or of a JSON array: its number in memory and as text.</summary>
    public const double ChartPointOperations = 500, ChartPointBytes = 100;

    /// <summary>The most points a thinned chart curve keeps (<see cref="CurveSampling.MaxPoints"/>).</summary>
    public const int ChartCurvePoints = CurveSampling.MaxPoints;

    /// <summary>Loss and gradient on <paramref name="examples"/> training examples (all of them when null).</summary>
    public static double Gradient(IProblem problem, long? examples = null)
    {
        long n = problem.Dimension;
        if (problem is not IDataProblem data) return AnalyticPerParameter * n + ExampleOverhead;
        return (examples ?? data.TrainCount) * (n + ExampleOverhead) + n;
    }

    /// <summary>The loss alone: about half a gradient (measured 0.5 on MLPs, no backward pass).</summary>
    public static double Loss(IProblem problem, long? examples = null) => Gradient(problem, examples) / 2;

    /// <summary>One exact Hessian-vector product on the whole training split.</summary>
    public static double HessianVector(IProblem problem) => HessianVectorFactor * Gradient(problem);

    /// <summary>One optimizer update: a few passes over the parameters, and for newton the dense Hessian (n products) and its LU solve.</summary>
    public static double Update(Optimizer optimizer, IProblem problem)
    {
        double n = problem.Dimension;
        double cost = StepOverhead + 10 * n;
        if (IsNewton(optimizer)) cost += n * HessianVector(problem) + n * n * n / 3 + 2 * n * n;
        return cost;
    }

    /// <summary>An optimizer's state: a few vectors, and for newton the Hessian and its factors (2n² doubles).</summary>
    public static double OptimizerBytes(Optimizer optimizer, IProblem problem)
    {
        double n = problem.Dimension;
        return 8 * (4 * n + (IsNewton(optimizer) ? 2 * n * n + 3 * n : 0));
    }

    /// <summary>One instance of the problem: a data problem holds its data set three times (loaded, split, standardized).</summary>
    public static double ProblemBytes(IProblem problem) =>
        8.0 * problem.Dimension + (problem is DataProblem data
            ? 3.0 * 8 * (data.TrainCount + data.TestCount) * (data.Train.Columns + 1) : 0);

    /// <summary>A recorded trajectory row: the point and its list slot, plus a copy of w for problems of at most 16 parameters.</summary>
    public static double RowBytes(IProblem problem) =>
        72 + (problem.Dimension <= GradientDescent.MaxRecordedDimension ? 24 + 8.0 * problem.Dimension : 0);

    /// <summary>Runs at once across the cores when <paramref name="runs"/> configurations run in parallel.</summary>
    public static int Concurrent(long runs) => (int)Math.Clamp(runs, 1, Environment.ProcessorCount);

    /// <summary>
    /// One <see cref="GradientDescent.Run"/>: the full loss and gradient at every row (the runner records them even with
    /// mini-batches), a mini-batch gradient and an update per step. Bytes split into what the result keeps (the
    /// trajectory, the final parameters) and what the run needs only while it runs (optimizer state, buffers).
    /// </summary>
    public static (double Operations, double KeptBytes, double WorkingBytes) Run(DescentSettings settings)
    {
        var problem = settings.Problem;
        double steps = settings.TotalSteps;
        double perStep = Update(settings.Optimizer, problem);
        if (problem is IDataProblem data && settings.BatchSize is int batch && batch < data.TrainCount)
            perStep += Gradient(problem, batch);
        double operations = (steps + 1) * (Gradient(problem) + StepOverhead) + steps * perStep;
        double kept = (steps + 1) * RowBytes(problem) + 8.0 * problem.Dimension;
        double working = OptimizerBytes(settings.Optimizer, problem) + 3 * 8.0 * problem.Dimension;
        return (operations, kept, working);
    }

    /// <summary>
    /// Configurations run side by side by <see cref="ParallelRuns"/>: every trajectory is kept for the result, while
    /// working memory and a problem instance are needed once per core; one result row per run and a curve thinned
    /// to <see cref="ChartCurvePoints"/> points.
    /// </summary>
    public static (double Operations, double Bytes) Runs(IReadOnlyList<DescentSettings> runs)
    {
        double operations = 0, kept = 0, working = 0;
        foreach (var settings in runs)
        {
            var run = Run(settings);
            double points = Math.Min(settings.TotalSteps + 1.0, ChartCurvePoints);
            operations += run.Operations + OutputRowOperations + points * ChartPointOperations;
            kept += run.KeptBytes + OutputRowBytes + points * ChartPointBytes;
            working = Math.Max(working, run.WorkingBytes + ProblemBytes(settings.Problem));
        }
        return (operations, kept + Concurrent(runs.Count) * working);
    }

    /// <summary>"mlp:data=digits,… (2,410 parameters, 1,437 training examples)", and what newton adds.</summary>
    public static string Describe(IProblem problem, Optimizer? optimizer = null)
    {
        string text = $"{problem.Name} ({problem.Dimension:N0} parameter{(problem.Dimension == 1 ? "" : "s")}" +
                      (problem is IDataProblem data ? $", {data.TrainCount:N0} training examples)" : ")");
        if (optimizer is not null && IsNewton(optimizer))
            text += $", newton's dense {problem.Dimension:N0}×{problem.Dimension:N0} Hessian built every step";
        return text;
    }

    /// <summary>"16 runs of 2,000 steps on mlp:… (…)": how the experiments that compare configurations name their work.</summary>
    public static string Runs(int runs, DescentSettings template, Optimizer? optimizer) =>
        $"{runs:N0} run{(runs == 1 ? "" : "s")} of {Steps(template.TotalSteps)} on {Describe(template.Problem, optimizer)}";

    /// <summary>"10,000 steps" or "1 step".</summary>
    public static string Steps(long steps) => steps == 1 ? "1 step" : $"{steps:N0} steps";

    public static bool IsNewton(Optimizer optimizer) => optimizer.Name == "newton";
}
