namespace GdNotebooks.Cli.Notebooks;

/// <summary>The nbformat <c>cell_type</c>: code, markdown or raw.</summary>
public enum CellKind
{
    /// <summary><c>"code"</c>: source a kernel runs, with outputs and an execution count.</summary>
    Code,

    /// <summary><c>"markdown"</c>: prose rendered as Markdown, may carry attachments.</summary>
    Markdown,

    /// <summary><c>"raw"</c>: text passed through untouched (e.g. to nbconvert), may carry attachments.</summary>
    Raw,
}
