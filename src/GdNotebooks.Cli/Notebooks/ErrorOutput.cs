namespace GdNotebooks.Cli.Notebooks;

/// <summary>A failure: <c>{"output_type": "error", "ename": "DivideByZeroException", "evalue": "...", "traceback": [...]}</c>.</summary>
public sealed class ErrorOutput(string name, string value, IEnumerable<string>? traceback = null) : NotebookOutput
{
    /// <inheritdoc/>
    public override string OutputType => "error";

    /// <summary>The error's name (<c>ename</c>), e.g. an exception type.</summary>
    public string Name { get; set; } = name;

    /// <summary>The error's message (<c>evalue</c>).</summary>
    public string Value { get; set; } = value;

    /// <summary>The traceback, one entry per frame or line (may contain ANSI colour codes); kept as a list, never joined.</summary>
    public List<string> Traceback { get; } = traceback?.ToList() ?? [];
}
