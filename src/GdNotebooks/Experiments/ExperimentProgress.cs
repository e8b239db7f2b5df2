namespace GdNotebooks.Experiments;

/// <summary>
/// How far a long experiment has got: <paramref name="Done"/> of <paramref name="Total"/> units of <paramref name="Stage"/>
/// (e.g. "learning rates", 7 of 25). Reported through <see cref="IProgress{T}"/>: the CLI draws a bar on stderr,
/// the kernel an updating display. Parallel workers may report out of order; consumers keep the furthest report
/// of a stage (see <see cref="IsBehind"/>).
/// </summary>
public readonly record struct ExperimentProgress(string Stage, long Done, long Total)
{
    public double Fraction => Total <= 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);

    /// <summary>True when this report arrived late: <paramref name="shown"/> is the same stage and already further on.</summary>
    public bool IsBehind(ExperimentProgress? shown) =>
        shown is { } s && s.Stage == Stage && s.Total == Total && s.Done > Done;
}
