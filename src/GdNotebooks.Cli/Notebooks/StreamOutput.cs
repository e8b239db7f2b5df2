namespace GdNotebooks.Cli.Notebooks;

/// <summary>Text a cell printed: <c>{"output_type": "stream", "name": "stdout", "text": [...]}</c>.</summary>
public sealed class StreamOutput(string name, string text) : NotebookOutput
{
    /// <inheritdoc/>
    public override string OutputType => "stream";

    /// <summary>"stdout" or "stderr".</summary>
    public string Name { get; set; } = name;

    /// <summary>The text, line breaks included; written as a list of lines.</summary>
    public string Text { get; set; } = text;
}
