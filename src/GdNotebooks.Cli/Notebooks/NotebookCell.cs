using System.Text.Json.Nodes;

namespace GdNotebooks.Cli.Notebooks;

/// <summary>
/// One cell of an nbformat 4.5 notebook: its kind, id, source, metadata, and for code cells outputs and execution count.
/// </summary>
/// <remarks>
/// Metadata is kept as JSON, so keys this program does not understand (<c>collapsed</c>, <c>jupyter</c>, extension
/// fields…) survive a read and a write. The language of a code cell lives in metadata as Polyglot Notebooks stores it:
/// <c>{"dotnet_interactive": {"language": "fsharp"}, "polyglot_notebook": {"kernelName": "fsharp"}}</c>
/// (see <see cref="Language"/>).
/// </remarks>
public sealed class NotebookCell
{
    /// <summary>Makes a cell; a null <paramref name="id"/> is filled in by <see cref="Notebook.EnsureCellIds"/> or on writing.</summary>
    public NotebookCell(CellKind kind, string source = "", string? id = null)
    {
        Kind = kind;
        Source = source;
        Id = id;
    }

    /// <summary>A code cell; <paramref name="language"/> (a Polyglot kernel name such as "fsharp") when it is not the notebook's default.</summary>
    public static NotebookCell Code(string source, string? language = null) => new(CellKind.Code, source) { Language = language };

    /// <summary>A markdown cell.</summary>
    public static NotebookCell Markdown(string source) => new(CellKind.Markdown, source);

    /// <summary>A raw cell.</summary>
    public static NotebookCell Raw(string source) => new(CellKind.Raw, source);

    /// <summary>Code, markdown or raw.</summary>
    public CellKind Kind { get; set; }

    /// <summary>The nbformat 4.5 cell id (1–64 of a–z, A–Z, 0–9, '-', '_'), unique in its notebook; null until assigned.</summary>
    public string? Id { get; set; }

    /// <summary>The cell text as one string, line breaks included (read from a string or a list of lines).</summary>
    public string Source { get; set; }

    /// <summary>Cell metadata, unknown keys included.</summary>
    public JsonObject Metadata { get; } = [];

    /// <summary>Outputs of a code cell in order (always empty for markdown and raw cells when written).</summary>
    public List<NotebookOutput> Outputs { get; } = [];

    /// <summary>The code cell's execution count, null when not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Markdown and raw cells' <c>attachments</c> (file name → mime bundle), kept as read; null when absent.</summary>
    public JsonObject? Attachments { get; set; }

    /// <summary>
    /// The Polyglot kernel name of a code cell (<c>csharp</c>, <c>fsharp</c>, <c>pwsh</c>…), read from
    /// <c>polyglot_notebook.kernelName</c> or else <c>dotnet_interactive.language</c>; null means the notebook's
    /// default (<see cref="Notebook.DefaultLanguage"/>). Setting it writes both keys, as Polyglot does; null removes them.
    /// </summary>
    public string? Language
    {
        get => StringAt("polyglot_notebook", "kernelName") ?? StringAt("dotnet_interactive", "language");
        set
        {
            SetString("polyglot_notebook", "kernelName", value);
            SetString("dotnet_interactive", "language", value);
        }
    }

    /// <summary>The cell's <c>metadata.tags</c> (e.g. "parameters", "raises-exception"); empty when none. Setting an empty list removes the key.</summary>
    public IReadOnlyList<string> Tags
    {
        get => Metadata["tags"] is JsonArray tags
            ? tags.Select(t => t is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];
        set
        {
            if (value.Count == 0) Metadata.Remove("tags");
            else Metadata["tags"] = new JsonArray(value.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        }
    }

    private string? StringAt(string section, string key) =>
        Metadata[section] is JsonObject obj && obj[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private void SetString(string section, string key, string? value)
    {
        if (value is null)
        {
            if (Metadata[section] is not JsonObject existing) return;
            existing.Remove(key);
            if (existing.Count == 0) Metadata.Remove(section);
            return;
        }
        if (Metadata[section] is not JsonObject obj) Metadata[section] = obj = [];
        obj[key] = value;
    }
}
