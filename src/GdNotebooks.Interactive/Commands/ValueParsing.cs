using System.Globalization;

namespace GdNotebooks.Interactive.Commands;

/// <summary>Numbers and lists as users type them on a command line, with errors that name the option and the bad text.</summary>
public static class ValueParsing
{
    public static double Number(string text, string where)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw new UsageException($"{where}: '{text}' is not a number");
        if (!double.IsFinite(value))
            throw new UsageException($"{where}: '{text}' is not a finite number");
        return value;
    }

    public static int Integer(string text, string where)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            // "99999999999" is a whole number, just not one we can hold: say so rather than "not a whole number".
            if (System.Numerics.BigInteger.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
                throw new UsageException($"{where}: '{text}' is out of range; valid: whole numbers from {int.MinValue:N0} to {int.MaxValue:N0}");
            throw new UsageException($"{where}: '{text}' is not a whole number");
        }
        return value;
    }

    /// <summary>A comma-separated list of numbers such as <c>0,1</c> or <c>0.01,0.1,1.5</c>.</summary>
    public static double[] Numbers(string text, string where)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Any(p => p.Length == 0))
            throw new UsageException($"{where}: '{text}' has an empty item; give numbers separated by commas, like 0,1");
        return parts.Select(p => Number(p, where)).ToArray();
    }
}
