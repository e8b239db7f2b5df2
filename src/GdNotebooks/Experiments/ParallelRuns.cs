using System.Runtime.ExceptionServices;
using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// Runs many configurations of one template across the cores, deterministically: result i depends only on
/// configuration i (each run is seeded by its settings), results are stored by index, and each worker has its own
/// problem instance, made by <c>Problem.Parse(template.Problem.Name)</c>, because data problems and formulas keep
/// scratch buffers and are not thread-safe. A problem the registry cannot rebuild from its name (one written in a
/// notebook) is shared, and the runs then go one at a time.
/// </summary>
internal static class ParallelRuns
{
    /// <summary>Runs <c>GradientDescent.Run(configure(i, template with a worker's problem))</c> for i = 0…count−1.</summary>
    public static Trajectory[] Run(DescentSettings template, int count, Func<int, DescentSettings, DescentSettings> configure,
        string stage, IProgress<ExperimentProgress>? progress, CancellationToken cancellationToken, int? maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism is < 1) throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), "must be ≥ 1 (or null for all cores)");
        cancellationToken.ThrowIfCancellationRequested();
        var results = new Trajectory[count];
        var copy = CopyMaker(template.Problem);
        long done = 0;
        progress?.Report(new ExperimentProgress(stage, 0, count));
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = copy is null ? 1 : maxDegreeOfParallelism ?? -1,
        };
        try
        {
            Parallel.For(0, count, options, () => copy?.Invoke() ?? template.Problem, (i, _, problem) =>
            {
                results[i] = GradientDescent.Run(configure(i, template with { Problem = problem }), cancellationToken);
                progress?.Report(new ExperimentProgress(stage, Interlocked.Increment(ref done), count));
                return problem;
            }, _ => { });
        }
        catch (AggregateException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Settings errors (UsageException) are the same for every configuration: report the first as itself.
            ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }
        return results;
    }

    /// <summary>How to make a fresh instance of <paramref name="problem"/>, or null when the registry cannot.</summary>
    private static Func<IProblem>? CopyMaker(IProblem problem)
    {
        try
        {
            var copy = Problem.Parse(problem.Name);
            if (copy.GetType() != problem.GetType() || copy.Dimension != problem.Dimension) return null;
            return () => Problem.Parse(problem.Name);
        }
        catch (UsageException)
        {
            return null;
        }
    }
}
