using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GdNotebooks.Cli.Notebooks;

/// <summary>
/// A notebook in Jupyter's nbformat 4.5: notebook metadata and an ordered list of <see cref="NotebookCell"/>s.
/// Read and write it with <see cref="NotebookFile"/> (.ipynb and .dib).
/// </summary>
/// <remarks>
/// Notebook metadata is kept as JSON so that keys this program does not know survive; <see cref="Kernelspec"/>,
/// <see cref="LanguageInfo"/> and <see cref="DefaultLanguage"/> are typed views of it. Polyglot Notebooks keeps its
/// kernel list under <c>metadata.polyglot_notebook.kernelInfo</c>, the same JSON a .dib file holds in <c>#!meta</c>.
/// </remarks>
public sealed partial class Notebook
{
    /// <summary>The nbformat major version this model reads and writes.</summary>
    public const int FormatMajor = 4;

    /// <summary>The nbformat minor version written: 4.5 is the first with cell ids.</summary>
    public const int FormatMinor = 5;

    /// <summary>An empty notebook with no metadata.</summary>
    public Notebook() { }

    /// <summary>An empty notebook for the GdNotebooks kernel (kernelspec and language_info set).</summary>
    public static Notebook New()
    {
        var notebook = new Notebook { Kernelspec = Kernelspec.GdNotebooks, LanguageInfo = LanguageInfo.CSharp };
        return notebook;
    }

    /// <summary>Notebook metadata, unknown keys included.</summary>
    public JsonObject Metadata { get; } = [];

    /// <summary>The cells in order.</summary>
    public List<NotebookCell> Cells { get; } = [];

    /// <summary><c>metadata.kernelspec</c>, or null when absent or malformed. Setting keeps other keys of the object; null removes it.</summary>
    public Kernelspec? Kernelspec
    {
        get => Metadata["kernelspec"] is JsonObject k && Text(k, "name") is { } name && Text(k, "display_name") is { } display
            ? new Kernelspec(name, display, Text(k, "language"))
            : null;
        set
        {
            if (value is null)
            {
                Metadata.Remove("kernelspec");
                return;
            }
            var k = Section("kernelspec");
            Put(k, "name", value.Name);
            Put(k, "display_name", value.DisplayName);
            Put(k, "language", value.Language);
        }
    }

    /// <summary><c>metadata.language_info</c>, or null when absent or malformed. Setting keeps other keys (e.g. version); null removes it.</summary>
    public LanguageInfo? LanguageInfo
    {
        get => Metadata["language_info"] is JsonObject l && Text(l, "name") is { } name
            ? new LanguageInfo(name, Text(l, "file_extension"), Text(l, "mimetype"), Text(l, "pygments_lexer"))
            : null;
        set
        {
            if (value is null)
            {
                Metadata.Remove("language_info");
                return;
            }
            var l = Section("language_info");
            Put(l, "name", value.Name);
            Put(l, "file_extension", value.FileExtension);
            Put(l, "mimetype", value.Mimetype);
            Put(l, "pygments_lexer", value.PygmentsLexer);
        }
    }

    /// <summary>
    /// The Polyglot kernel name of code cells that do not name one: <c>polyglot_notebook.kernelInfo.defaultKernelName</c>,
    /// else the kernelspec's language or language_info's name in Polyglot's spelling (C# → csharp, F# → fsharp,
    /// PowerShell → pwsh), else <c>csharp</c>.
    /// </summary>
    public string DefaultLanguage =>
        (Metadata["polyglot_notebook"] is JsonObject p && p["kernelInfo"] is JsonObject k ? Text(k, "defaultKernelName") : null)
        ?? PolyglotName(Kernelspec?.Language)
        ?? PolyglotName(LanguageInfo?.Name)
        ?? "csharp";

    /// <summary>"markdown" and "raw" for those cells; for code cells their <see cref="NotebookCell.Language"/> or else <see cref="DefaultLanguage"/>.</summary>
    public string LanguageOf(NotebookCell cell) => cell.Kind switch
    {
        CellKind.Markdown => "markdown",
        CellKind.Raw => "raw",
        _ => cell.Language ?? DefaultLanguage,
    };

    /// <summary>
    /// Gives every cell a valid, unique nbformat 4.5 id. Valid ids are kept (the first of a repeated id keeps it);
    /// missing, malformed and repeated ids get a stable one: 8 hex digits of a SHA-256 of the cell's kind and source
    /// (and how many identical cells came before), so converting the same file twice gives the same ids.
    /// </summary>
    public void EnsureCellIds()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var needIds = new List<NotebookCell>();
        foreach (var cell in Cells)
        {
            if (cell.Id is { } id && ValidId().IsMatch(id) && used.Add(id)) continue;
            needIds.Add(cell);
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in needIds)
        {
            string content = $"{cell.Kind}\n{cell.Source}";
            int salt = seen.TryGetValue(content, out int n) ? n : 0;
            string id;
            do
            {
                var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{content}\n{salt++}"));
                id = Convert.ToHexStringLower(hash, 0, 4);
            }
            while (!used.Add(id));
            seen[content] = salt;
            cell.Id = id;
        }
    }

    /// <summary>nbformat 4.5's cell id rule.</summary>
    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    internal static partial Regex ValidId();

    private static string? PolyglotName(string? language) => language?.Trim().ToLowerInvariant() switch
    {
        null or "" or "polyglot-notebook" => null,
        "c#" or "cs" => "csharp",
        "f#" or "fs" => "fsharp",
        "powershell" => "pwsh",
        var other => other,
    };

    private JsonObject Section(string key)
    {
        if (Metadata[key] is not JsonObject section) Metadata[key] = section = [];
        return section;
    }

    private static string? Text(JsonObject obj, string key) =>
        obj[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static void Put(JsonObject obj, string key, string? value)
    {
        if (value is null) obj.Remove(key);
        else obj[key] = value;
    }
}
