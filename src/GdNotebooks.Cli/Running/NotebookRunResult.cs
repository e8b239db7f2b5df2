namespace GdNotebooks.Cli.Running;

/// <summary>
/// One notebook's run: where it came from and went, how it ended, how long it took, how many code cells ran, and
/// the failing cell if any. <see cref="HtmlPath"/> is set when an HTML page was written.
/// </summary>
public sealed record NotebookRunResult(
    string InputPath,
    string OutputPath,
    NotebookStatus Status,
    TimeSpan Duration,
    int CellsRun,
    int CodeCellCount,
    CellFailure? Failure = null)
{
    /// <summary>The notebook's name in messages: its file name without extension (<c>01-gd-by-hand</c>).</summary>
    public string Name => Path.GetFileNameWithoutExtension(InputPath);

    /// <summary>The HTML page written for it, if any.</summary>
    public string? HtmlPath { get; init; }

    /// <summary>True when a cell of it failed or timed out.</summary>
    public bool Failed => Status == NotebookStatus.Failed;
}
