using System.Globalization;

namespace GdNotebooks.Charts;

/// <summary>
/// Plotly's axis names. A trace refers to an axis as "x", "x2", "y3"; the layout holds it under "xaxis", "xaxis2",
/// "yaxis3". These helpers convert between the two and pair an x axis with its y axis.
/// </summary>
public static class AxisReference
{
    /// <summary>The trace reference of axis number <paramref name="index"/> (1-based): ('x', 1) → "x", ('y', 2) → "y2".</summary>
    public static string Of(char letter, int index)
    {
        if (letter is not ('x' or 'y')) throw new UsageException($"axis letter '{letter}' is not valid; valid letters: x, y");
        if (index < 1) throw new UsageException($"axis number {index} is not valid; axis numbers start at 1");
        return index == 1 ? letter.ToString() : $"{letter}{index}";
    }

    /// <summary>Parses "x", "x2", "xaxis2" (also "y…"): the letter and the 1-based number.</summary>
    public static (char Letter, int Index) Parse(string reference)
    {
        string r = reference.Trim();
        if (r.Length >= 5 && r.AsSpan(1, 4).SequenceEqual("axis")) r = r[0] + r[5..];
        bool ok = r.Length >= 1 && r[0] is 'x' or 'y';
        int index = 1;
        if (ok && r.Length > 1)
            ok = int.TryParse(r.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out index) && index >= 1;
        if (!ok) throw new UsageException($"axis '{reference}' is not valid; use x, y, x2, y2, … (or xaxis, yaxis2, …)");
        return (r[0], index);
    }

    /// <summary>The layout key of an axis: "x" → "xaxis", "y2" → "yaxis2".</summary>
    public static string LayoutKey(string reference)
    {
        var (letter, index) = Parse(reference);
        return index == 1 ? $"{letter}axis" : $"{letter}axis{index}";
    }

    /// <summary>The trace reference of an axis: "xaxis2" → "x2", "y1" → "y".</summary>
    public static string Normalize(string reference)
    {
        var (letter, index) = Parse(reference);
        return Of(letter, index);
    }

    /// <summary>The other axis of the same subplot: "x2" → "y2", "y" → "x".</summary>
    public static string Partner(string reference)
    {
        var (letter, index) = Parse(reference);
        return Of(letter == 'x' ? 'y' : 'x', index);
    }
}
