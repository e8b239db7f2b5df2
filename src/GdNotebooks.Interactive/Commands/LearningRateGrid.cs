using System.Globalization;

namespace GdNotebooks.Interactive.Commands;

/// <summary>
/// The learning rates of <c>lr-sweep --lrs</c>: either <c>a..b:n</c>, n log-spaced rates from a to b inclusive
/// (<c>1e-4..10:25</c>; n = 1 gives just a, as numpy.geomspace does), or a comma-separated list (<c>0.01,0.1,1.5</c>).
/// Every rate must be finite and &gt; 0, and a grid holds at most <see cref="MaxPoints"/> rates.
/// </summary>
public static class LearningRateGrid
{
    /// <summary>The most rates one sweep may ask for.</summary>
    public const int MaxPoints = 10_000;

    private const string Forms = "give a..b:n (n log-spaced rates from a to b, e.g. 1e-4..10:25) or a list such as 0.01,0.1,1.5";

    /// <exception cref="UsageException">Empty, malformed, n &lt; 1, a ≥ b, a rate ≤ 0, or more than <see cref="MaxPoints"/> rates; the message quotes the bad part.</exception>
    public static double[] Parse(string text, string where = "--lrs")
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length == 0) throw new UsageException($"{where}: the grid is empty; {Forms}");
        return text.Contains("..") ? Range(text, where) : List(text, where);
    }

    private static double[] Range(string text, string where)
    {
        int dots = text.IndexOf("..", StringComparison.Ordinal);
        int colon = text.LastIndexOf(':');
        if (colon < dots) throw new UsageException($"{where}: '{text}' has no ':n' count; {Forms}");
        string first = text[..dots].Trim(), last = text[(dots + 2)..colon].Trim(), countText = text[(colon + 1)..].Trim();
        if (first.Length == 0 || last.Length == 0) throw new UsageException($"{where}: '{text}' needs both ends of the range; {Forms}");
        double a = Rate(first, text, where), b = Rate(last, text, where);
        if (!int.TryParse(countText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n))
        {
            if (System.Numerics.BigInteger.TryParse(countText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var huge))
                throw new UsageException(huge > 0
                    ? $"{where}: the count {countText} in '{text}' is more than {MaxPoints:N0} rates; sweep a coarser grid"
                    : $"{where}: the count {countText} in '{text}' must be ≥ 1");
            throw new UsageException($"{where}: the count '{countText}' in '{text}' is not a whole number; {Forms}");
        }
        if (n < 1) throw new UsageException($"{where}: the count {n} in '{text}' must be ≥ 1");
        if (n > MaxPoints) throw new UsageException($"{where}: the count {n} in '{text}' is more than {MaxPoints:N0} rates; sweep a coarser grid");
        if (a >= b) throw new UsageException($"{where}: the range '{text}' must run upward, from a smaller rate to a larger one ({first} ≥ {last})");
        if (n == 1) return [a];
        double la = Math.Log10(a), lb = Math.Log10(b);
        var rates = new double[n];
        for (int i = 0; i < n; i++) rates[i] = Math.Pow(10, la + (lb - la) * i / (n - 1));
        rates[0] = a;
        rates[^1] = b;
        return rates;
    }

    private static double[] List(string text, string where)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Any(p => p.Length == 0)) throw new UsageException($"{where}: '{text}' has an empty item; {Forms}");
        if (parts.Length > MaxPoints) throw new UsageException($"{where}: {parts.Length:N0} rates is more than {MaxPoints:N0}");
        return parts.Select(p => Rate(p, text, where)).ToArray();
    }

    private static double Rate(string item, string text, string where)
    {
        if (item.Contains(':') || item.Contains(".."))
            throw new UsageException($"{where}: '{text}' is malformed; {Forms}");
        if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out double rate))
            throw new UsageException($"{where}: '{item}' in '{text}' is not a number; {Forms}");
        if (!double.IsFinite(rate) || rate <= 0)
            throw new UsageException($"{where}: the rate {item} in '{text}' must be finite and > 0 (the sweep draws on a log axis)");
        return rate;
    }
}
