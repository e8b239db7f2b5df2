using System.Globalization;

namespace GdNotebooks;

/// <summary>
/// Numbers as people read them in tables, messages and specs: invariant culture, a lower-case exponent without
/// padding (1e-9, not 1E-09), and nan/inf/-inf spelled out.
/// </summary>
public static class NumberText
{
    /// <param name="value">The number.</param>
    /// <param name="significantDigits">15 shows every digit the arithmetic vouches for (0.6, not 0.6000000000000001); null is the shortest round-trip form.</param>
    public static string Format(double value, int? significantDigits = 15)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        var text = value.ToString(significantDigits is int d ? "G" + d : "R", CultureInfo.InvariantCulture);
        int e = text.IndexOf('E');
        return e < 0 ? text : text[..e] + "e" + int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }
}
