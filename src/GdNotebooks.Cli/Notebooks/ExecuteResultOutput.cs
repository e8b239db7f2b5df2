using System.Text.Json.Nodes;

namespace GdNotebooks.Cli.Notebooks;

/// <summary>
/// The value of a cell's last expression: <c>{"output_type": "execute_result", "execution_count": 3, "data": {...},
/// "metadata": {...}}</c>. See <see cref="MimeBundle"/> for how the data is held.
/// </summary>
public sealed class ExecuteResultOutput(int? executionCount, JsonObject? data = null, JsonObject? metadata = null) : NotebookOutput
{
    /// <inheritdoc/>
    public override string OutputType => "execute_result";

    /// <summary>The execution count of the run that produced it (null if unknown).</summary>
    public int? ExecutionCount { get; set; } = executionCount;

    /// <summary>The mime bundle: text types as one string each, JSON types as JSON.</summary>
    public JsonObject Data { get; } = data ?? [];

    /// <summary>Per-mime-type metadata, kept as read.</summary>
    public JsonObject Metadata { get; } = metadata ?? [];
}
