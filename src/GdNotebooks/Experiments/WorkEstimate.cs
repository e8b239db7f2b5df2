using System.Globalization;

namespace GdNotebooks.Experiments;

/// <summary>
/// What an experiment will cost, worked out from its settings before it runs, so a front end can refuse a run that
/// would take an hour or fill the memory. <see cref="Operations"/> counts work in rough floating-point operations
/// (a gradient on a data problem is examples × (parameters + a per-example overhead); a Hessian-vector product about
/// three gradients; newton's step n products plus an n³/3 solve; every printed row a few thousand), and
/// <see cref="Bytes"/> the memory the run holds at its peak (recorded trajectories, dense Hessians, grids, the rows
/// of the printed table and the chart). Both are upper bounds in the usual case: a run that diverges stops early.
/// </summary>
/// <param name="Operations">Work in operations; <see cref="CpuTime"/> converts it at the measured rate.</param>
/// <param name="Bytes">Peak memory the experiment holds.</param>
/// <param name="Description">What the work is, in words: "64 runs of 10,000 steps on mlp:… (2,410 parameters)".</param>
public sealed record WorkEstimate(long Operations, long Bytes, string Description)
{
    /// <summary>
    /// Operations one core does per second, measured on the development machine (2 shared cores of a cloud VM):
    /// a float64 MLP gradient on digits ran at 4–7e8 example × parameter products a second, an HVP at 2–3.5e8,
    /// an analytic descent step took 0.3–0.7 µs, and printing a row of a million-row table 7–27 µs. 4e8 makes
    /// the estimate err on the long side.
    /// </summary>
    public const double OperationsPerSecond = 4e8;

    /// <summary>The time one core needs for <see cref="Operations"/> at <see cref="OperationsPerSecond"/>.</summary>
    public TimeSpan CpuTime => TimeSpan.FromSeconds(Operations / OperationsPerSecond);

    /// <summary>
    /// An estimate from counts computed in floating point (they can pass 2⁶³ for absurd settings: a sweep of
    /// 10,000 rates × 10⁷ steps on a large network); values beyond <see cref="long.MaxValue"/> saturate.
    /// </summary>
    public static WorkEstimate Of(double operations, double bytes, string description) =>
        new(Saturate(operations), Saturate(bytes), description);

    /// <summary>"about 40 min of CPU time and 6.1 GB (64 runs of 10,000 steps …; 1.2e12 operations)".</summary>
    public override string ToString() =>
        $"about {Duration(CpuTime)} of CPU time and {Size(Bytes)} ({Description}; {Count(Operations)} operations)";

    /// <summary>"0.4 s", "12 s", "40 min", "3.2 h", "12 days".</summary>
    public static string Duration(TimeSpan time)
    {
        double s = time.TotalSeconds;
        return s switch
        {
            < 10 => F(s, "0.#") + " s",
            < 120 => F(s, "0") + " s",
            < 7200 => F(s / 60, "0") + " min",
            < 172_800 => F(s / 3600, "0.#") + " h",
            < 3.65e9 => F(s / 86400, "0") + " days",
            _ => "more than a century",
        };
    }

    /// <summary>Bytes in binary units: "512 B", "3.4 MB", "6.1 GB" (1 GB = 2³⁰ bytes, as memory is sold and shown).</summary>
    public static string Size(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? $"{bytes} B" : F(value, value < 10 ? "0.#" : "0") + " " + units[unit];
    }

    /// <summary>Operations as "1.2e12", or in full below a million.</summary>
    public static string Count(long operations) =>
        operations < 1_000_000 ? operations.ToString("N0", CultureInfo.InvariantCulture) : NumberText.Format(operations, 2);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static long Saturate(double value) =>
        double.IsNaN(value) || value <= 0 ? 0 : value >= long.MaxValue ? long.MaxValue : (long)Math.Ceiling(value);
}
