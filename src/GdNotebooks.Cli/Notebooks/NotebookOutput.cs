namespace GdNotebooks.Cli.Notebooks;

/// <summary>
/// One output of a code cell, as nbformat 4 stores it. The four kinds are <see cref="StreamOutput"/>,
/// <see cref="DisplayDataOutput"/>, <see cref="ExecuteResultOutput"/> and <see cref="ErrorOutput"/>.
/// </summary>
public abstract class NotebookOutput
{
    private protected NotebookOutput() { }

    /// <summary>The nbformat <c>output_type</c>: "stream", "display_data", "execute_result" or "error".</summary>
    public abstract string OutputType { get; }

    /// <summary>The four output types nbformat 4 knows.</summary>
    public static IReadOnlyList<string> OutputTypes { get; } = ["stream", "display_data", "execute_result", "error"];
}
