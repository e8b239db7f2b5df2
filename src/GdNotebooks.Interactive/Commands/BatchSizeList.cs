namespace GdNotebooks.Interactive.Commands;

/// <summary>A comma-separated list of batch sizes as typed after <c>--batches</c>: whole numbers ≥ 1 or <c>full</c>.</summary>
public static class BatchSizeList
{
    /// <summary>Parses <c>1,8,32,full</c>; null stands for the full batch.</summary>
    /// <exception cref="UsageException">An empty item, a word other than full, or a size below 1; the message names it.</exception>
    public static IReadOnlyList<int?> Parse(string text, string option = "--batches")
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var sizes = new List<int?>();
        foreach (var part in parts)
        {
            if (part.Length == 0) throw new UsageException($"{option}: '{text}' has an empty item; give sizes separated by commas, like 1,8,32,full");
            if (part.Equals("full", StringComparison.OrdinalIgnoreCase))
            {
                sizes.Add(null);
                continue;
            }
            if (!int.TryParse(part, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int size))
                throw new UsageException(System.Numerics.BigInteger.TryParse(part, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _)
                    ? $"{option}: batch size {part} is out of range; give whole numbers ≥ 1 (at most {int.MaxValue:N0}) or 'full'"
                    : $"{option}: '{part}' is not a batch size; give whole numbers ≥ 1 or 'full'");
            if (size < 1) throw new UsageException($"{option}: batch size {size} must be ≥ 1, or 'full'");
            sizes.Add(size);
        }
        return sizes;
    }
}
