using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GdNotebooks.Cli.Notebooks;

/// <summary>
/// The Polyglot Notebooks text format (.dib): an optional <c>#!meta</c> section holding kernel information as JSON,
/// then cells, each introduced by a line that is exactly <c>#!</c> and a kernel name, separated by blank lines:
/// <code>
/// #!meta
///
/// {"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}}
///
/// #!markdown
///
/// # Learning rates
///
/// #!csharp
///
/// #!lr-sweep --problem rosenbrock --lrs 1e-4..1:9
/// </code>
/// </summary>
/// <remarks>
/// <para><b>Section headers.</b> A line is a header only when it is exactly <c>#!meta</c> (the first one),
/// <c>#!markdown</c>/<c>#!md</c>, or <c>#!</c> plus a kernel name or alias: the Polyglot kernels csharp (c#, C#),
/// fsharp (f#, F#), pwsh (powershell), javascript (js), html, sql, kql, mermaid, http, value, and any name or alias
/// listed in <c>#!meta</c>'s <c>kernelInfo</c> (its <c>defaultKernelName</c> and <c>items</c>). Any other <c>#!</c> line — a magic command such as
/// <c>#!lr-sweep …</c>, <c>#!time</c>, <c>#r</c> — is cell content. Text before the first header, or after the
/// <c>#!meta</c> JSON value, is a cell in the default kernel's language. Aliases are read as the kernel's name (<c>#!c#</c> becomes <c>#!csharp</c>).</para>
/// <para><b>Mapping to .ipynb.</b> The <c>#!meta</c> JSON object is <c>metadata.polyglot_notebook</c> of the .ipynb,
/// as Polyglot stores it; its <c>kernelInfo</c> is completed on both sides so that it names the default kernel
/// (<c>defaultKernelName</c>, csharp when absent) and lists every language the cells use. <c>#!markdown</c>
/// sections are markdown cells; every other section is a code cell whose language is written to cell metadata as
/// Polyglot does: <c>{"dotnet_interactive": {"language": L}, "polyglot_notebook": {"kernelName": L}}</c>. A notebook
/// read from .dib gets the GdNotebooks kernelspec and C# language_info. A code cell with no language metadata is
/// written under the notebook's default (<see cref="Notebook.DefaultLanguage"/>).</para>
/// <para><b>What .dib cannot hold</b> (dropped or changed when writing, listed by <see cref="Losses"/>): outputs,
/// execution counts, cell ids (new stable ones are made when read back), tags and all other cell metadata except the
/// language, attachments, raw cells (written as markdown), notebook metadata other than
/// <c>polyglot_notebook</c> (kernelspec and language_info come back as GdNotebooks'), blank lines at the start or end
/// of a cell, a final line break, and CRLF line breaks (written as LF). Everything else round-trips both ways:
/// sources, cell kinds, languages, order, empty cells, Unicode and <c>#!</c> magic lines.</para>
/// <para><b>Deviations from Polyglot.</b> Empty cells are kept (Polyglot drops them on read and write), a cell line
/// that would read back as a header is refused with a <see cref="UsageException"/> rather than silently splitting the
/// cell, and bad <c>#!meta</c> JSON is an error with its line and position.</para>
/// </remarks>
public static class DibFormat
{
    /// <summary>Kernel names Polyglot Notebooks knows without being told, with their aliases ("markdown" is a cell kind, not a kernel).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> BuiltInKernels { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["csharp"] = ["c#", "C#"],
        ["fsharp"] = ["f#", "F#"],
        ["pwsh"] = ["powershell"],
        ["javascript"] = ["js"],
        ["html"] = [],
        ["sql"] = [],
        ["kql"] = [],
        ["mermaid"] = [],
        ["http"] = [],
        ["value"] = [],
        ["markdown"] = ["md"],
    };

    private const string Meta = "#!meta";

    /// <summary>Parses .dib text (LF or CRLF line breaks); <paramref name="fileName"/> is only used in messages.</summary>
    /// <exception cref="UsageException">The <c>#!meta</c> section is not valid JSON or has the wrong shape.</exception>
    public static Notebook Parse(string text, string fileName)
    {
        var lines = SourceLines.SplitDropping(text);
        int metaStart = lines.IndexOf(Meta), metaEnd = metaStart;
        JsonObject polyglot = [];
        if (metaStart >= 0) (polyglot, metaEnd) = ParseMeta(lines, metaStart, fileName);
        var kernels = KnownKernels(polyglot, fileName);
        string defaultLanguage = DefaultKernelName(polyglot);

        var notebook = Notebook.New();
        string? header = null;
        var body = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (i == metaStart)
            {
                AddCell(notebook, header, body, defaultLanguage);
                header = null;
                i = metaEnd - 1;
                continue;
            }
            string line = lines[i];
            if (line.StartsWith("#!", StringComparison.Ordinal) && kernels.TryGetValue(line[2..], out var kernel))
            {
                AddCell(notebook, header, body, defaultLanguage);
                header = kernel;
                continue;
            }
            body.Add(line);
        }
        AddCell(notebook, header, body, defaultLanguage);

        CompleteKernelInfo(polyglot, notebook);
        notebook.Metadata["polyglot_notebook"] = polyglot;
        notebook.EnsureCellIds();
        return notebook;
    }

    /// <summary>
    /// The notebook as .dib text: <c>#!meta</c> with the completed <c>polyglot_notebook</c> metadata, then one section
    /// per cell, LF line breaks, ending with a newline. What .dib cannot hold is left out (see <see cref="Losses"/>).
    /// </summary>
    /// <exception cref="UsageException">A cell has a line that would read back as a section header (e.g. a markdown
    /// cell with a line that is exactly <c>#!csharp</c>), or a code cell's language is not a single word.</exception>
    public static string Serialize(Notebook notebook, string fileName = "notebook.dib")
    {
        var polyglot = notebook.Metadata["polyglot_notebook"] is JsonObject p ? (JsonObject)p.DeepClone() : [];
        CompleteKernelInfo(polyglot, notebook);
        var kernels = KnownKernels(polyglot, fileName);

        var lines = new List<string> { Meta, "", JupyterJson.Serialize(polyglot, indented: false), "" };
        for (int c = 0; c < notebook.Cells.Count; c++)
        {
            var cell = notebook.Cells[c];
            string language = cell.Kind == CellKind.Code ? notebook.LanguageOf(cell) : "markdown";
            if (language.Length == 0 || language.Any(char.IsWhiteSpace) || language == "meta")
                throw new UsageException($"cannot write {fileName}: cells[{c}]: the language '{language}' cannot be a .dib section header");
            var body = Trim(SourceLines.SplitDropping(cell.Source));
            foreach (var line in body)
                if (line.StartsWith("#!", StringComparison.Ordinal) && kernels.ContainsKey(line[2..]))
                    throw new UsageException(
                        $"cannot write {fileName}: cells[{c}] has the line '{line}', which .dib would read as the start of a new cell; keep this notebook as .ipynb");
            lines.Add("#!" + language);
            lines.Add("");
            if (body.Count == 0) continue;
            lines.AddRange(body);
            lines.Add("");
        }
        return string.Join("\n", lines);
    }

    /// <summary>A cell source as it comes back from .dib: LF line breaks, no blank lines at the start or end, no final line break.</summary>
    public static string NormalizeSource(string source) => string.Join("\n", Trim(SourceLines.SplitDropping(source)));

    /// <summary>
    /// What writing <paramref name="notebook"/> as .dib would drop or change, one phrase each ("outputs (3 cells)"),
    /// empty when it round-trips; ids, kernelspec and language_info are not listed (they are always regenerated).
    /// </summary>
    public static IReadOnlyList<string> Losses(Notebook notebook)
    {
        var losses = new List<string>();
        void Count(string what, Func<NotebookCell, bool> lost, string suffix = "")
        {
            int n = notebook.Cells.Count(lost);
            if (n > 0) losses.Add($"{what} ({n} cell{(n == 1 ? "" : "s")}{suffix})");
        }
        string[] kept = ["tags", "dotnet_interactive", "polyglot_notebook"];
        Count("outputs", c => c.Outputs.Count > 0);
        Count("execution counts", c => c.ExecutionCount is not null);
        Count("tags", c => c.Tags.Count > 0);
        Count("other cell metadata", c => c.Metadata.Any(p => !kept.Contains(p.Key)));
        Count("attachments", c => c.Attachments is { Count: > 0 });
        Count("raw cells", c => c.Kind == CellKind.Raw, ", written as markdown");
        Count("blank lines at the start or end, final line breaks or CRLF", c => NormalizeSource(c.Source) != c.Source);
        var other = notebook.Metadata.Select(p => p.Key).Where(k => k is not ("kernelspec" or "language_info" or "polyglot_notebook")).ToList();
        if (other.Count > 0) losses.Add($"notebook metadata {string.Join(", ", other.Select(k => $"'{k}'"))}");
        return losses;
    }

    private static void AddCell(Notebook notebook, string? header, List<string> body, string defaultLanguage)
    {
        var lines = Trim(body);
        body.Clear();
        if (header is null && lines.Count == 0) return;
        string source = string.Join("\n", lines);
        string kind = header ?? defaultLanguage;
        notebook.Cells.Add(kind == "markdown" ? NotebookCell.Markdown(source) : NotebookCell.Code(source, kind));
    }

    private static List<string> Trim(List<string> lines)
    {
        int start = 0, end = lines.Count;
        while (start < end && lines[start].Length == 0) start++;
        while (end > start && lines[end - 1].Length == 0) end--;
        return lines.GetRange(start, end - start);
    }

    /// <summary>
    /// Parses the JSON value after <c>#!meta</c> (the lines up to the next <c>#!</c> line) and returns it with the
    /// index of the first line after it: lines that follow the value before the next header are cell content.
    /// </summary>
    private static (JsonObject Meta, int End) ParseMeta(List<string> lines, int metaStart, string fileName)
    {
        int end = metaStart + 1;
        while (end < lines.Count && !lines[end].StartsWith("#!", StringComparison.Ordinal)) end++;
        string json = string.Join("\n", lines.GetRange(metaStart + 1, end - metaStart - 1));
        if (string.IsNullOrWhiteSpace(json)) return ([], end);
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
        JsonNode? node;
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            node = JupyterJson.ToNode(document.RootElement.Clone());
        }
        catch (JsonException e)
        {
            throw BadMeta(fileName, NotebookText.DescribeJsonError(e, bytes, $"{Meta} JSON", firstLine: metaStart + 2));
        }
        if (node is not JsonObject meta) throw BadMeta(fileName, $"expected a JSON object after {Meta} (line {metaStart + 1})");

        int consumed = (int)reader.BytesConsumed;
        int lastLine = metaStart + 1 + bytes.AsSpan(0, consumed).Count((byte)'\n');
        int lineEnd = bytes.AsSpan(consumed).IndexOf((byte)'\n');
        string restOfLine = Encoding.UTF8.GetString(bytes.AsSpan(consumed, lineEnd < 0 ? bytes.Length - consumed : lineEnd));
        if (!string.IsNullOrWhiteSpace(restOfLine))
            throw BadMeta(fileName, $"unexpected text after the {Meta} JSON at line {lastLine + 1}");
        return (meta, lastLine + 1);
    }

    private static UsageException BadMeta(string fileName, string detail) => IpynbFormat.NotANotebook(fileName, detail);

    /// <summary>Header name or alias → kernel name: the built-ins, then <c>kernelInfo.items</c> (which win).</summary>
    private static Dictionary<string, string> KnownKernels(JsonObject polyglot, string fileName)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, aliases) in BuiltInKernels)
        {
            map[name] = name;
            foreach (var alias in aliases) map[alias] = name;
        }
        if (polyglot["kernelInfo"] is null) return map;
        if (polyglot["kernelInfo"] is not JsonObject info) throw BadMeta(fileName, $"{Meta}: kernelInfo must be an object");
        if (Text(info["defaultKernelName"]) is { Length: > 0 } defaultName) map[defaultName] = defaultName;
        if (info["items"] is null) return map;
        if (info["items"] is not JsonArray items) throw BadMeta(fileName, $"{Meta}: kernelInfo.items must be a list");
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item || Text(item["name"]) is not { Length: > 0 } name)
                throw BadMeta(fileName, $"{Meta}: kernelInfo.items[{i}] must be an object with a \"name\"");
            map[name] = name;
            if (item["aliases"] is JsonArray aliases)
                foreach (var alias in aliases)
                    if (Text(alias) is { Length: > 0 } a) map[a] = name;
        }
        return map;
    }

    private static string DefaultKernelName(JsonObject polyglot) =>
        (polyglot["kernelInfo"] as JsonObject)?["defaultKernelName"] is { } n && Text(n) is { Length: > 0 } name ? name : "csharp";

    /// <summary>Makes <c>kernelInfo</c> name a default kernel and list every language the code cells use (as <c>{"aliases": [], "name": L}</c>).</summary>
    private static void CompleteKernelInfo(JsonObject polyglot, Notebook notebook)
    {
        if (polyglot["kernelInfo"] is not JsonObject info) polyglot["kernelInfo"] = info = [];
        if (Text(info["defaultKernelName"]) is not { Length: > 0 }) info["defaultKernelName"] = notebook.DefaultLanguage;
        if (info["items"] is not JsonArray items) info["items"] = items = [];
        var listed = items.OfType<JsonObject>().Select(i => Text(i["name"])).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var needed = new List<string> { Text(info["defaultKernelName"])! };
        needed.AddRange(notebook.Cells.Where(c => c.Kind == CellKind.Code).Select(notebook.LanguageOf));
        foreach (var language in needed)
            if (language != "markdown" && listed.Add(language))
                items.Add(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = language });
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
