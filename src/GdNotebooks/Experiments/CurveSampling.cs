namespace GdNotebooks.Experiments;

/// <summary>
/// Thins long curves for charts: a chart of a million-step run needs a thousand points, not a million, and the
/// HTML page stays small. The first and last points and every non-finite point are always kept.
/// </summary>
internal static class CurveSampling
{
    public const int MaxPoints = 1000;

    /// <summary>The indices 0 … count−1 to draw: all of them when few, else evenly spaced plus the kept ones.</summary>
    public static int[] Indices(int count, IReadOnlyList<double>? values = null, int maxPoints = MaxPoints)
    {
        if (count <= maxPoints) return Enumerable.Range(0, count).ToArray();
        var keep = new SortedSet<int> { 0, count - 1 };
        double stride = (count - 1) / (double)(maxPoints - 1);
        for (int i = 0; i < maxPoints; i++) keep.Add((int)Math.Round(i * stride));
        if (values is not null)
            for (int i = 0; i < count; i++)
                if (!double.IsFinite(values[i])) keep.Add(i);
        return keep.ToArray();
    }

    public static double[] Take(IReadOnlyList<double> values, int[] indices) => indices.Select(i => values[i]).ToArray();
}
