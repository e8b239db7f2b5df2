using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// How one run of a sweep or comparison ended, read off its loss curve L₀ … L_N.
/// <para><b>Divergence.</b> A run diverged when (a) its loss turned NaN or infinite — <see cref="DivergedAt"/> is
/// that step — or (b) it ended above where it started and was still climbing: L_N &gt; L₀ and the largest loss of
/// the second half of the run (steps ⌈N/2⌉…N) exceeds the largest of the first half (steps 0…⌈N/2⌉−1). Then
/// <see cref="DivergedAt"/> is the first step from which the loss stayed above L₀ to the end. Rule (b) catches a
/// blow-up the budget was too short to push to infinity (α = 1.01 on (w−3)² multiplies the loss by 1.04 per
/// step), while a run that overshot early and is coming back down, or one that merely oscillates, does not count.</para>
/// </summary>
/// <param name="InitialLoss">L₀, at the starting point.</param>
/// <param name="FinalLoss">The last loss recorded (NaN or ±∞ when the run blew up).</param>
/// <param name="BestLoss">The smallest finite loss of the run.</param>
/// <param name="Diverged">Whether rule (a) or (b) above holds.</param>
/// <param name="DivergedAt">The step where it diverged (see above), or null.</param>
/// <param name="StepsToTolerance">The first step k with L_k ≤ the tolerance, or null when the loss never got there.</param>
public sealed record RunOutcome(double InitialLoss, double FinalLoss, double BestLoss, bool Diverged, int? DivergedAt, int? StepsToTolerance)
{
    /// <summary>Reads the outcome off <paramref name="trajectory"/>'s losses.</summary>
    public static RunOutcome Of(Trajectory trajectory, double tolerance) => Of(trajectory.Losses, tolerance);

    /// <summary>Reads the outcome off a loss curve L₀ … L_N (at least one value).</summary>
    public static RunOutcome Of(IReadOnlyList<double> losses, double tolerance)
    {
        if (losses.Count == 0) throw new ArgumentException("a run has at least its starting loss", nameof(losses));
        double best = double.NaN;
        int? reached = null;
        for (int k = 0; k < losses.Count; k++)
        {
            double loss = losses[k];
            if (double.IsFinite(loss) && !(loss >= best)) best = loss;
            if (reached is null && loss <= tolerance) reached = k;
        }
        int? divergedAt = FindDivergence(losses);
        return new RunOutcome(losses[0], losses[^1], best, divergedAt is not null, divergedAt, reached);
    }

    /// <summary>The step at which the loss curve diverged by the rule in the type's remarks, or null.</summary>
    public static int? FindDivergence(IReadOnlyList<double> losses)
    {
        int firstNonFinite = -1;
        for (int k = 0; k < losses.Count; k++)
            if (!double.IsFinite(losses[k]))
            {
                firstNonFinite = k;
                break;
            }
        if (firstNonFinite >= 0) return firstNonFinite;

        int n = losses.Count - 1;
        double start = losses[0], end = losses[n];
        if (n < 1 || !(end > start)) return null;
        int half = (n + 1) / 2;
        double firstPeak = double.NegativeInfinity, secondPeak = double.NegativeInfinity;
        for (int k = 0; k <= n; k++)
        {
            if (k < half) firstPeak = Math.Max(firstPeak, losses[k]);
            else secondPeak = Math.Max(secondPeak, losses[k]);
        }
        if (!(secondPeak > firstPeak)) return null;
        int since = n;
        while (since > 0 && losses[since - 1] > start) since--;
        return Math.Max(since, 1);
    }
}
