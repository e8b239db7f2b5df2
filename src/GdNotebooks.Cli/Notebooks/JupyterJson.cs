using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GdNotebooks.Cli.Notebooks;

/// <summary>
/// JSON text the way Jupyter writes notebooks: Python's <c>json.dumps(nb, sort_keys=True, indent=1,
/// ensure_ascii=False)</c>. Keys are sorted by code point at every level, nesting is indented by one space, non-ASCII
/// text is written as itself, and only quotes, backslashes and control characters are escaped. Saving a notebook
/// twice gives the same bytes, and files diff cleanly against ones saved by Jupyter.
/// </summary>
/// <remarks>
/// JSON has no NaN or Infinity (Python would write the bare words, which most readers reject); a non-finite number
/// in a node is written as <c>null</c>. Numbers read from a file keep their original spelling.
/// </remarks>
public static class JupyterJson
{
    /// <summary>Serialises <paramref name="node"/>: indented as Jupyter does (one space per level, ": " after keys), or on one line with no spaces when <paramref name="indented"/> is false. No trailing newline.</summary>
    public static string Serialize(JsonNode? node, bool indented = true)
    {
        var text = new StringBuilder();
        Write(text, node, indented, 0);
        return text.ToString();
    }

    /// <summary>
    /// Copies a parsed element into a mutable node. When an object repeats a key the last value wins, as in
    /// Python's json module. The element must stay alive (clone the root of a disposed document first).
    /// </summary>
    public static JsonNode? ToNode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject()) obj[property.Name] = ToNode(property.Value);
                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray()) array.Add(ToNode(item));
                return array;
            case JsonValueKind.String:
                return JsonValue.Create(element.GetString()!);
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            case JsonValueKind.Null:
                return null;
            default:
                return JsonValue.Create(element); // a number: keeps its spelling
        }
    }

    private static void Write(StringBuilder text, JsonNode? node, bool indented, int depth)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                WriteObject(text, obj, indented, depth);
                break;
            case JsonArray array:
                WriteArray(text, array, indented, depth);
                break;
            case JsonValue value:
                WriteValue(text, value, indented, depth);
                break;
        }
    }

    private static void WriteObject(StringBuilder text, JsonObject obj, bool indented, int depth)
    {
        if (obj.Count == 0)
        {
            text.Append("{}");
            return;
        }
        var keys = obj.Select(p => p.Key).ToList();
        keys.Sort(CompareCodePoints);
        text.Append('{');
        for (int i = 0; i < keys.Count; i++)
        {
            if (i > 0) text.Append(',');
            NewLine(text, indented, depth + 1);
            WriteString(text, keys[i]);
            text.Append(indented ? ": " : ":");
            Write(text, obj[keys[i]], indented, depth + 1);
        }
        NewLine(text, indented, depth);
        text.Append('}');
    }

    private static void WriteArray(StringBuilder text, JsonArray array, bool indented, int depth)
    {
        if (array.Count == 0)
        {
            text.Append("[]");
            return;
        }
        text.Append('[');
        for (int i = 0; i < array.Count; i++)
        {
            if (i > 0) text.Append(',');
            NewLine(text, indented, depth + 1);
            Write(text, array[i], indented, depth + 1);
        }
        NewLine(text, indented, depth);
        text.Append(']');
    }

    private static void WriteValue(StringBuilder text, JsonValue value, bool indented, int depth)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String: WriteString(text, element.GetString()!); return;
                case JsonValueKind.Number: text.Append(element.GetRawText()); return;
                case JsonValueKind.True: text.Append("true"); return;
                case JsonValueKind.False: text.Append("false"); return;
                case JsonValueKind.Null or JsonValueKind.Undefined: text.Append("null"); return;
                default: Write(text, ToNode(element), indented, depth); return;
            }
        }
        if (value.TryGetValue<string>(out var s)) WriteString(text, s);
        else if (value.TryGetValue<bool>(out var b)) text.Append(b ? "true" : "false");
        else if (value.TryGetValue<double>(out var d)) WriteNumber(text, d);
        else if (value.TryGetValue<float>(out var f)) WriteNumber(text, f);
        else
        {
            // Any other CLR value (int, long, decimal, char, a record…): let System.Text.Json spell it, then walk that.
            using var document = JsonDocument.Parse(value.ToJsonString());
            Write(text, ToNode(document.RootElement.Clone()), indented, depth);
        }
    }

    private static void WriteNumber(StringBuilder text, double d) =>
        text.Append(double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "null");

    private static void NewLine(StringBuilder text, bool indented, int depth)
    {
        if (!indented) return;
        text.Append('\n').Append(' ', depth);
    }

    /// <summary>Escapes as Python's json with ensure_ascii=False: quote, backslash, control characters, and lone surrogates (which UTF-8 cannot hold).</summary>
    private static void WriteString(StringBuilder text, string s)
    {
        text.Append('"');
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < 0x20) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) text.Append(c).Append(s[++i]);
                    else if (char.IsSurrogate(c)) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }

    /// <summary>Python sorts str keys by code point; UTF-16 ordinal order differs only for characters above U+FFFF.</summary>
    private static int CompareCodePoints(string a, string b)
    {
        var ea = a.EnumerateRunes();
        var eb = b.EnumerateRunes();
        while (true)
        {
            bool ha = ea.MoveNext(), hb = eb.MoveNext();
            if (!ha || !hb) return ha.CompareTo(hb);
            int c = ea.Current.Value.CompareTo(eb.Current.Value);
            if (c != 0) return c;
        }
    }
}
