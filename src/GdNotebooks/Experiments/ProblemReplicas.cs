using GdNotebooks.Problems;

namespace GdNotebooks.Experiments;

/// <summary>
/// Fresh instances of a problem for worker threads: data problems hold scratch buffers and are not thread-safe, and a
/// problem's <see cref="IProblem.Name"/> is its canonical spec, so <see cref="Problem.Parse"/> rebuilds an equal one.
/// </summary>
internal static class ProblemReplicas
{
    /// <summary>A new instance equal to <paramref name="original"/>.</summary>
    /// <exception cref="ArgumentException">The problem cannot be rebuilt from its name (e.g. built in code on a custom data set).</exception>
    public static IProblem Fresh(IProblem original)
    {
        IProblem copy;
        try
        {
            copy = Problem.Parse(original.Name);
        }
        catch (UsageException e)
        {
            throw new ArgumentException($"problem '{original.Name}' cannot be re-created from its name for parallel workers: {e.Message}", nameof(original));
        }
        bool same = copy.Dimension == original.Dimension &&
                    (original is not IDataProblem data || copy is IDataProblem d && d.TrainCount == data.TrainCount && d.DataSet == data.DataSet);
        if (!same)
            throw new ArgumentException($"problem '{original.Name}' re-created from its name differs from the given instance (was it built in code on a subset?); pass a problem made by Problem.Parse", nameof(original));
        return copy;
    }

    /// <summary>Parallel options with the caller's degree (null: all cores) and token.</summary>
    public static ParallelOptions Options(int? maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        if (maxDegreeOfParallelism is < 1) throw new UsageException($"degree of parallelism {maxDegreeOfParallelism} must be ≥ 1");
        return new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
    }

    /// <summary>
    /// Runs <paramref name="body"/>(worker, i) for i = 0 … count − 1 on at most MaxDegreeOfParallelism threads, each
    /// with one worker made by <paramref name="makeWorker"/> (one problem instance per thread). Indices are handed out
    /// one at a time, so the load balances; results must be written by index, which keeps them independent of the
    /// thread count. Checks the token before every item.
    /// </summary>
    public static void For<TWorker>(int count, ParallelOptions options, Func<TWorker> makeWorker, Action<TWorker, int> body)
    {
        if (count <= 0) return;
        int workers = Math.Max(1, Math.Min(options.MaxDegreeOfParallelism, count));
        int next = -1;
        Parallel.For(0, workers, options, _ =>
        {
            var worker = makeWorker();
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                options.CancellationToken.ThrowIfCancellationRequested();
                body(worker, i);
            }
        });
    }
}
