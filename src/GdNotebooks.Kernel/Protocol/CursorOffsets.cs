using System.Text;

namespace GdNotebooks.Kernel.Protocol;

/// <summary>
/// Jupyter counts cursor positions in Unicode code points (protocol 5.2+); .NET strings count UTF-16 units.
/// These convert between the two, clamping to the text.
/// </summary>
public static class CursorOffsets
{
    /// <summary>The UTF-16 index of code point number <paramref name="codePoints"/>.</summary>
    public static int ToUtf16(string text, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < text.Length; seen++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return index;
    }

    /// <summary>The number of code points before UTF-16 index <paramref name="utf16Index"/>.</summary>
    public static int ToCodePoints(string text, int utf16Index)
    {
        utf16Index = Math.Clamp(utf16Index, 0, text.Length);
        var count = 0;
        foreach (var _ in text[..utf16Index].EnumerateRunes()) count++;
        return count;
    }
}
