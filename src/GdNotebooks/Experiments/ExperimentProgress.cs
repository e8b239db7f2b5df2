namespace GdNotebooks.Experiments;

/// <summary>
/// How far a long experiment has got: <paramref name="Done"/> of <paramref name="Total"/> units of <paramref name="Stage"/>
/// (e.g. "learning rates", 7 of 25). Reported through <see cref="IProgress{T}"/>: the CLI draws a bar on stderr,
/// the kernel an updating display.
/// </summary>
public readonly record struct ExperimentProgress(string Stage, long Done, long Total)
{
    public double Fraction => Total <= 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);
}
