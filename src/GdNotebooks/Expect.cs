namespace GdNotebooks;

/// <summary>
/// Assertions for notebooks: each notebook checks the facts it teaches, so running it is a test.
/// A failed check throws <see cref="ExpectationFailedException"/> with the claim in words and the numbers that broke it.
/// </summary>
/// <example><code>Expect.Near(w, 2.01696, 1e-9, "w after 5 steps at α = 0.1");</code></example>
public static class Expect
{
    /// <summary>|actual − expected| ≤ tolerance.</summary>
    public static void Near(double actual, double expected, double tolerance, string claim)
    {
        if (!(Math.Abs(actual - expected) <= tolerance))
            throw new ExpectationFailedException($"{claim}: expected {F(expected)} ± {F(tolerance)}, got {F(actual)}");
    }

    /// <summary>|actual − expected| ≤ relative · |expected|.</summary>
    public static void Relative(double actual, double expected, double relative, string claim)
    {
        if (!(Math.Abs(actual - expected) <= relative * Math.Abs(expected)))
            throw new ExpectationFailedException($"{claim}: expected {F(expected)} within {F(relative * 100)}%, got {F(actual)}");
    }

    public static void Less(double actual, double bound, string claim)
    {
        if (!(actual < bound)) throw new ExpectationFailedException($"{claim}: expected < {F(bound)}, got {F(actual)}");
    }

    public static void Greater(double actual, double bound, string claim)
    {
        if (!(actual > bound)) throw new ExpectationFailedException($"{claim}: expected > {F(bound)}, got {F(actual)}");
    }

    public static void InRange(double actual, double low, double high, string claim)
    {
        if (!(actual >= low && actual <= high))
            throw new ExpectationFailedException($"{claim}: expected between {F(low)} and {F(high)}, got {F(actual)}");
    }

    public static void True(bool condition, string claim)
    {
        if (!condition) throw new ExpectationFailedException($"{claim}: expected true, got false");
    }

    private static string F(double value) => NumberText.Format(value, 10);
}
