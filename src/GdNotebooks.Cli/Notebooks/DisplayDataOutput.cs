using System.Text.Json.Nodes;

namespace GdNotebooks.Cli.Notebooks;

/// <summary>
/// A rich display (<c>display(x)</c>): <c>{"output_type": "display_data", "data": {mime: value}, "metadata": {}}</c>.
/// See <see cref="MimeBundle"/> for how the data is held.
/// </summary>
public sealed class DisplayDataOutput(JsonObject? data = null, JsonObject? metadata = null) : NotebookOutput
{
    /// <inheritdoc/>
    public override string OutputType => "display_data";

    /// <summary>The mime bundle: text types as one string each, JSON types (<c>application/json</c>, <c>*+json</c>) as JSON.</summary>
    public JsonObject Data { get; } = data ?? [];

    /// <summary>Per-mime-type metadata (e.g. image sizes), kept as read.</summary>
    public JsonObject Metadata { get; } = metadata ?? [];
}
