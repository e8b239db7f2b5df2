using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GdNotebooks.Cli.Notebooks;

/// <summary>
/// Jupyter's .ipynb format (nbformat 4, JSON). Reading accepts any nbformat 4.x file as Jupyter writes it or as
/// people hand-write it: multi-line strings as one string or a list of lines, missing ids (filled in, see
/// <see cref="Notebook.EnsureCellIds"/>), missing outputs or execution counts. Writing produces nbformat 4.5 exactly as
/// Jupyter saves it: keys sorted, one-space indent, multi-line strings as lists of lines, a final newline.
/// </summary>
/// <remarks>
/// Every problem with the input is a <see cref="UsageException"/> of the form
/// <c>not a notebook: FILE: DETAIL</c>, where DETAIL gives the line and position of bad JSON
/// (<c>invalid JSON at line 3, position 7</c>) or the JSON path of a bad part (<c>cells[2]: missing "source"</c>).
/// </remarks>
public static class IpynbFormat
{
    /// <summary>Parses the bytes of an .ipynb file; <paramref name="fileName"/> is only used in messages.</summary>
    /// <exception cref="UsageException">The bytes are not UTF-8, not JSON, or not an nbformat 4 notebook.</exception>
    public static Notebook Parse(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        NotebookText.RequireUtf8(bytes, fileName);
        if (bytes.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']).IsEmpty)
            throw NotANotebook(fileName, "the file is empty");

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(bytes.ToArray(), new JsonDocumentOptions { MaxDepth = 256 });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw NotANotebook(fileName, NotebookText.DescribeJsonError(e, bytes));
        }
        return new Reader(fileName).ReadNotebook(root);
    }

    /// <summary>Parses .ipynb text; see <see cref="Parse(ReadOnlySpan{byte}, string)"/>.</summary>
    public static Notebook Parse(string text, string fileName) => Parse(Encoding.UTF8.GetBytes(text), fileName);

    /// <summary>
    /// The notebook as nbformat 4.5 JSON text, as Jupyter would save it, ending with a newline. Cells without a valid
    /// unique id are given one first (this changes <paramref name="notebook"/>). Outputs of markdown and raw cells are
    /// not written (nbformat has no place for them); non-finite numbers become null.
    /// </summary>
    public static string Serialize(Notebook notebook)
    {
        notebook.EnsureCellIds();
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(notebook.Cells.Select(c => (JsonNode?)CellJson(c)).ToArray()),
            ["metadata"] = notebook.Metadata.DeepClone(),
            ["nbformat"] = Notebook.FormatMajor,
            ["nbformat_minor"] = Notebook.FormatMinor,
        };
        return JupyterJson.Serialize(root) + "\n";
    }

    private static JsonObject CellJson(NotebookCell cell)
    {
        var json = new JsonObject
        {
            ["cell_type"] = cell.Kind switch { CellKind.Code => "code", CellKind.Markdown => "markdown", _ => "raw" },
            ["id"] = cell.Id,
            ["metadata"] = cell.Metadata.DeepClone(),
            ["source"] = Lines(cell.Source),
        };
        if (cell.Kind == CellKind.Code)
        {
            json["execution_count"] = cell.ExecutionCount;
            json["outputs"] = new JsonArray(cell.Outputs.Select(o => (JsonNode?)OutputJson(o)).ToArray());
        }
        else if (cell.Attachments is { } attachments)
        {
            var copy = (JsonObject)attachments.DeepClone();
            foreach (var (_, bundle) in copy)
                if (bundle is JsonObject b) SplitTextValues(b);
            json["attachments"] = copy;
        }
        return json;
    }

    private static JsonObject OutputJson(NotebookOutput output) => output switch
    {
        StreamOutput s => new JsonObject { ["output_type"] = s.OutputType, ["name"] = s.Name, ["text"] = Lines(s.Text) },
        DisplayDataOutput d => new JsonObject
        {
            ["output_type"] = d.OutputType, ["data"] = SplitTextValues((JsonObject)d.Data.DeepClone()), ["metadata"] = d.Metadata.DeepClone(),
        },
        ExecuteResultOutput r => new JsonObject
        {
            ["output_type"] = r.OutputType, ["execution_count"] = r.ExecutionCount,
            ["data"] = SplitTextValues((JsonObject)r.Data.DeepClone()), ["metadata"] = r.Metadata.DeepClone(),
        },
        ErrorOutput e => new JsonObject
        {
            ["output_type"] = e.OutputType, ["ename"] = e.Name, ["evalue"] = e.Value,
            ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        },
        _ => throw new ArgumentException($"unknown output type {output.GetType().Name}", nameof(output)),
    };

    private static JsonArray Lines(string text) =>
        new(SourceLines.SplitKeepingEnds(text).Select(l => (JsonNode?)JsonValue.Create(l)).ToArray());

    /// <summary>Text mime values are written as lists of lines, JSON mime values as JSON (nbformat's <c>split_lines</c>).</summary>
    private static JsonObject SplitTextValues(JsonObject bundle)
    {
        foreach (var mime in bundle.Select(p => p.Key).ToList())
            if (!MimeBundle.IsJson(mime) && bundle[mime] is JsonValue v && v.TryGetValue<string>(out var text))
                bundle[mime] = Lines(text);
        return bundle;
    }

    internal static UsageException NotANotebook(string fileName, string detail) => new($"not a notebook: {fileName}: {detail}");

    /// <summary>Walks a parsed document into the model, naming the JSON path of whatever is wrong.</summary>
    private sealed class Reader(string fileName)
    {
        public Notebook ReadNotebook(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) throw Bad("", $"the top level is {Describe(root)}, not an object");
            if (!root.TryGetProperty("nbformat", out var major)) throw Bad("", "missing \"nbformat\"");
            if (major.ValueKind != JsonValueKind.Number || !major.TryGetInt32(out int version))
                throw Bad("nbformat", $"expected an integer, found {Describe(major)}");
            if (version != Notebook.FormatMajor)
                throw Bad("nbformat", $"version {version} is not supported, only 4 (open and save it in a current Jupyter to upgrade)");
            if (!root.TryGetProperty("cells", out var cells)) throw Bad("", "missing \"cells\"");
            if (cells.ValueKind != JsonValueKind.Array) throw Bad("cells", $"expected a list, found {Describe(cells)}");

            var notebook = new Notebook();
            if (root.TryGetProperty("metadata", out var metadata))
                CopyInto(notebook.Metadata, Object(metadata, "metadata"));
            int index = 0;
            foreach (var cell in cells.EnumerateArray()) notebook.Cells.Add(Cell(cell, $"cells[{index++}]"));
            notebook.EnsureCellIds();
            return notebook;
        }

        private NotebookCell Cell(JsonElement json, string path)
        {
            if (json.ValueKind != JsonValueKind.Object) throw Bad(path, $"expected a cell object, found {Describe(json)}");
            string type = Str(Required(json, "cell_type", path), $"{path}.cell_type");
            var kind = type switch
            {
                "code" => CellKind.Code,
                "markdown" => CellKind.Markdown,
                "raw" => CellKind.Raw,
                _ => throw Bad($"{path}.cell_type", $"unknown cell type '{type}'; valid cell types: code, markdown, raw"),
            };
            var cell = new NotebookCell(kind, MultilineString(Required(json, "source", path), $"{path}.source"));
            if (json.TryGetProperty("id", out var id) && id.ValueKind != JsonValueKind.Null) cell.Id = Str(id, $"{path}.id");
            if (json.TryGetProperty("metadata", out var metadata)) CopyInto(cell.Metadata, Object(metadata, $"{path}.metadata"));
            if (kind == CellKind.Code)
            {
                if (json.TryGetProperty("execution_count", out var count)) cell.ExecutionCount = Count(count, $"{path}.execution_count");
                if (json.TryGetProperty("outputs", out var outputs))
                {
                    if (outputs.ValueKind != JsonValueKind.Array) throw Bad($"{path}.outputs", $"expected a list, found {Describe(outputs)}");
                    int i = 0;
                    foreach (var output in outputs.EnumerateArray()) cell.Outputs.Add(Output(output, $"{path}.outputs[{i++}]"));
                }
            }
            else if (json.TryGetProperty("attachments", out var attachments) && attachments.ValueKind != JsonValueKind.Null)
            {
                var copy = Object(attachments, $"{path}.attachments");
                foreach (var (name, bundle) in copy)
                    if (bundle is JsonObject b) JoinTextValues(b, $"{path}.attachments.{name}");
                cell.Attachments = copy;
            }
            return cell;
        }

        private NotebookOutput Output(JsonElement json, string path)
        {
            if (json.ValueKind != JsonValueKind.Object) throw Bad(path, $"expected an output object, found {Describe(json)}");
            string type = Str(Required(json, "output_type", path), $"{path}.output_type");
            switch (type)
            {
                case "stream":
                    return new StreamOutput(Str(Required(json, "name", path), $"{path}.name"), MultilineString(Required(json, "text", path), $"{path}.text"));
                case "display_data":
                    return new DisplayDataOutput(Bundle(json, path), OptionalObject(json, "metadata", path));
                case "execute_result":
                    int? count = json.TryGetProperty("execution_count", out var c) ? Count(c, $"{path}.execution_count") : null;
                    return new ExecuteResultOutput(count, Bundle(json, path), OptionalObject(json, "metadata", path));
                case "error":
                    var traceback = new List<string>();
                    if (json.TryGetProperty("traceback", out var frames))
                    {
                        if (frames.ValueKind != JsonValueKind.Array) throw Bad($"{path}.traceback", $"expected a list of strings, found {Describe(frames)}");
                        int i = 0;
                        foreach (var frame in frames.EnumerateArray()) traceback.Add(Str(frame, $"{path}.traceback[{i++}]"));
                    }
                    return new ErrorOutput(
                        Str(Required(json, "ename", path), $"{path}.ename"), Str(Required(json, "evalue", path), $"{path}.evalue"), traceback);
                default:
                    throw Bad($"{path}.output_type", $"unknown output type '{type}'; valid output types: {string.Join(", ", NotebookOutput.OutputTypes)}");
            }
        }

        private JsonObject Bundle(JsonElement json, string path)
        {
            var data = OptionalObject(json, "data", path);
            JoinTextValues(data, $"{path}.data");
            return data;
        }

        /// <summary>Text mime values stored as lists of lines become one string (nbformat's <c>rejoin_lines</c>).</summary>
        private void JoinTextValues(JsonObject bundle, string path)
        {
            foreach (var mime in bundle.Select(p => p.Key).ToList())
            {
                if (MimeBundle.IsJson(mime) || bundle[mime] is not JsonArray lines) continue;
                var text = new StringBuilder();
                for (int i = 0; i < lines.Count; i++)
                {
                    if (lines[i] is not JsonValue v || !v.TryGetValue<string>(out var line))
                        throw Bad($"{path}[\"{mime}\"][{i}]", "expected a string");
                    text.Append(line);
                }
                bundle[mime] = text.ToString();
            }
        }

        private JsonObject OptionalObject(JsonElement json, string key, string path) =>
            json.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? Object(value, $"{path}.{key}") : [];

        private JsonObject Object(JsonElement json, string path) =>
            json.ValueKind == JsonValueKind.Object ? (JsonObject)JupyterJson.ToNode(json)! : throw Bad(path, $"expected an object, found {Describe(json)}");

        private JsonElement Required(JsonElement json, string key, string path) =>
            json.TryGetProperty(key, out var value) ? value : throw Bad(path, $"missing \"{key}\"");

        private string Str(JsonElement json, string path) =>
            json.ValueKind == JsonValueKind.String ? json.GetString()! : throw Bad(path, $"expected a string, found {Describe(json)}");

        /// <summary>nbformat's multi-line string: one string, or a list of strings joined with "".</summary>
        private string MultilineString(JsonElement json, string path)
        {
            if (json.ValueKind == JsonValueKind.String) return json.GetString()!;
            if (json.ValueKind != JsonValueKind.Array) throw Bad(path, $"expected a string or a list of strings, found {Describe(json)}");
            var text = new StringBuilder();
            int i = 0;
            foreach (var line in json.EnumerateArray()) text.Append(Str(line, $"{path}[{i++}]"));
            return text.ToString();
        }

        private int? Count(JsonElement json, string path) => json.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number when json.TryGetInt32(out int n) && n >= 0 => n,
            _ => throw Bad(path, $"expected a non-negative integer or null, found {Describe(json)}"),
        };

        private static void CopyInto(JsonObject target, JsonObject source)
        {
            foreach (var key in source.Select(p => p.Key).ToList())
            {
                var value = source[key];
                source.Remove(key);
                target[key] = value;
            }
        }

        private static string Describe(JsonElement json) => json.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => $"the string {Shorten(json.GetRawText())}",
            JsonValueKind.Number => $"the number {Shorten(json.GetRawText())}",
            JsonValueKind.True or JsonValueKind.False => json.GetRawText(),
            _ => "null",
        };

        private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

        private UsageException Bad(string path, string detail) => NotANotebook(fileName, path.Length == 0 ? detail : $"{path}: {detail}");
    }
}
