namespace GdNotebooks.Cli.Running;

/// <summary>
/// The cell that stopped a notebook: its number among the notebook's code cells (1-based, as progress lines count),
/// its id, the first lines of its source, and the error (<c>CellTimeoutError</c> for a timeout).
/// </summary>
public sealed record CellFailure(int Number, int CodeCellCount, string? CellId, string Source, string ErrorName, string Message, IReadOnlyList<string> Traceback)
{
    /// <summary>How many source lines <see cref="Describe"/> quotes.</summary>
    public const int QuotedLines = 4;

    /// <summary>True when the runner stopped the cell for running past <c>--cell-timeout</c>.</summary>
    public bool TimedOut => ErrorName == NotebookRunner.TimeoutErrorName;

    /// <summary>
    /// The report printed on stderr: which notebook and cell, the cell's first lines, then the error and the first
    /// lines of its traceback.
    /// </summary>
    public string Describe(string notebook)
    {
        var text = new System.Text.StringBuilder();
        text.Append($"gdnb run: {notebook}: cell {Number}/{CodeCellCount}");
        if (CellId is not null) text.Append($" (id {CellId})");
        text.AppendLine(TimedOut ? " timed out:" : " failed:");
        var lines = Source.Replace("\r\n", "\n").Split('\n');
        foreach (var line in lines.Take(QuotedLines)) text.AppendLine("    | " + line);
        if (lines.Length > QuotedLines) text.AppendLine($"    | … ({lines.Length - QuotedLines} more line{(lines.Length - QuotedLines == 1 ? "" : "s")})");
        text.AppendLine($"  {ErrorName}: {Message.Replace("\n", "\n  ")}");
        var frames = Traceback.Skip(1).Take(6).ToList();
        foreach (var frame in frames) text.AppendLine("  " + frame.Trim());
        return text.ToString();
    }
}
