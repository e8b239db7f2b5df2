namespace GdNotebooks.Training;

/// <summary>
/// The result of <see cref="GradientDescent.Run"/>: rows 0…N (or up to the divergence), the step at which the loss
/// turned non-finite (null if it never did), the last parameters, and the settings that produced it.
/// </summary>
public sealed class Trajectory
{
    internal Trajectory(IReadOnlyList<TrajectoryPoint> points, int? divergedAt, double[] finalParameters, DescentSettings settings)
    {
        Points = points;
        DivergedAt = divergedAt;
        FinalParameters = finalParameters;
        Settings = settings;
    }

    /// <summary>Row k holds the state after k updates; the last row is the final state (or the first non-finite one).</summary>
    public IReadOnlyList<TrajectoryPoint> Points { get; }

    /// <summary>The first k whose loss is NaN or infinite; the run stopped there. Null when the run finished.</summary>
    public int? DivergedAt { get; }

    /// <summary>w after the last row's updates (non-finite entries possible when diverged).</summary>
    public double[] FinalParameters { get; }

    public DescentSettings Settings { get; }
}
