namespace GdNotebooks.Cli.Notebooks;

/// <summary>The notebook file formats, chosen by file extension.</summary>
public enum NotebookFormat
{
    /// <summary>Jupyter's JSON format, <c>.ipynb</c> (nbformat 4.5 when written).</summary>
    Ipynb,

    /// <summary>Polyglot Notebooks' text format, <c>.dib</c>; holds sources and languages only.</summary>
    Dib,
}
