namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// The pre-processing step for magic commands: a cell's leading <c>#!</c> lines (blank lines between them
/// allowed) are split from the C# that follows.
/// </summary>
public sealed record MagicLines(IReadOnlyList<string> Magics, string Code, int CodeLineOffset)
{
    /// <summary>Splits <paramref name="cell"/>. <see cref="CodeLineOffset"/> is the number of lines removed, for error positions.</summary>
    public static MagicLines Split(string cell)
    {
        var magics = new List<string>();
        var position = 0;
        var lines = 0;
        var consumed = 0;
        var consumedLines = 0;
        while (position < cell.Length)
        {
            var end = cell.IndexOf('\n', position);
            var next = end < 0 ? cell.Length : end + 1;
            var line = cell[position..(end < 0 ? cell.Length : end)].TrimEnd('\r');
            var trimmed = line.TrimStart();
            lines++;
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                magics.Add(trimmed);
                consumed = next;
                consumedLines = lines;
            }
            else if (trimmed.Length != 0) break;
            position = next;
        }
        return magics.Count == 0 ? new MagicLines([], cell, 0) : new MagicLines(magics, cell[consumed..], consumedLines);
    }
}
