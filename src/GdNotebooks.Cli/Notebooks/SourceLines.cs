namespace GdNotebooks.Cli.Notebooks;

/// <summary>
/// How notebook text is cut into lines. Jupyter stores multi-line strings as a list of lines that keep their line
/// breaks (Python's <c>str.splitlines(keepends=True)</c>), and joins them with "" when reading; .dib files are read
/// line by line with the breaks removed.
/// </summary>
public static class SourceLines
{
    /// <summary>
    /// Splits after every line boundary Python's <c>splitlines</c> knows (\n, \r, \r\n, \v, \f, \x1c–\x1e, \x85,
    /// \u2028, \u2029), keeping the boundary, so that concatenating the pieces gives <paramref name="text"/> back and the
    /// list matches what Jupyter writes. An empty string gives an empty list.
    /// </summary>
    public static List<string> SplitKeepingEnds(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsPythonLineBoundary(c)) continue;
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    /// <summary>
    /// Splits on "\r\n" and "\n" and drops the breaks, as the .dib reader sees a file. A final line break does not
    /// start another line: "a\nb\n" gives ["a", "b"], "" gives [].
    /// </summary>
    public static List<string> SplitDropping(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            int end = i > start && text[i - 1] == '\r' ? i - 1 : i;
            lines.Add(text[start..end]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    private static bool IsPythonLineBoundary(char c) =>
        c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';
}
