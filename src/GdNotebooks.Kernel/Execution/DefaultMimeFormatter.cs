using System.Collections;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// The formatter used until a richer one is plugged in: <c>text/plain</c> for everything (collections as
/// <c>[a, b, …]</c>), plus <c>text/html</c> for simple values. A string displayed with explicit mime types is
/// taken as content of those types (<c>display("&lt;b&gt;hi&lt;/b&gt;", "text/html")</c>).
/// </summary>
public sealed class DefaultMimeFormatter : IMimeFormatter
{
    /// <summary>Items shown before a collection is cut short with "…".</summary>
    public int MaxItems { get; init; } = 20;

    /// <inheritdoc />
    public MimeBundle Format(object? value, IReadOnlyList<string> mimeTypes)
    {
        if (value is string raw && mimeTypes.Count > 0) return Raw(raw, mimeTypes);
        var text = PlainText(value);
        var data = new Dictionary<string, JsonNode> { ["text/plain"] = JsonValue.Create(text) };
        if (IsSimple(value)) data["text/html"] = JsonValue.Create($"<code>{WebUtility.HtmlEncode(text)}</code>");
        return new MimeBundle(data);
    }

    internal static MimeBundle Raw(string content, IReadOnlyList<string> mimeTypes)
    {
        var data = new Dictionary<string, JsonNode>();
        foreach (var mime in mimeTypes)
            data[mime] = IsJson(mime) ? ParseJson(content) : JsonValue.Create(content);
        if (!data.ContainsKey("text/plain")) data["text/plain"] = JsonValue.Create(content);
        return new MimeBundle(data);
    }

    internal static bool IsJson(string mime) => mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal);

    internal static JsonNode ParseJson(string content)
    {
        try { return JsonNode.Parse(content) ?? JsonValue.Create(content); }
        catch (JsonException) { return JsonValue.Create(content); }
    }

    internal static bool IsSimple(object? value) =>
        value is null or string or bool or char or Enum or DateTime or DateTimeOffset or TimeSpan or Guid
        || (value is IConvertible && value.GetType().IsPrimitive) || value is decimal;

    /// <summary>The text/plain rendering: invariant culture, round-trippable numbers, collections listed.</summary>
    public string PlainText(object? value) => value switch
    {
        null => "null",
        string s => s,
        IFormattable f when IsSimple(value) => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary dictionary => List(dictionary.Cast<DictionaryEntry>().Select(e => $"{PlainText(e.Key)}: {PlainText(e.Value)}"), "{", "}"),
        IEnumerable sequence when !HasOwnToString(value) => List(sequence.Cast<object?>().Select(PlainText), "[", "]"),
        _ => value.ToString() ?? "",
    };

    private static bool HasOwnToString(object value) =>
        value.GetType().GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } t && t != typeof(object) && !t.IsGenericType
        && t.Namespace?.StartsWith("System", StringComparison.Ordinal) != true;

    private string List(IEnumerable<string> items, string open, string close)
    {
        var text = new StringBuilder(open);
        var count = 0;
        foreach (var item in items)
        {
            if (count > 0) text.Append(", ");
            if (count == MaxItems) { text.Append('…'); break; }
            text.Append(item);
            count++;
        }
        return text.Append(close).ToString();
    }
}
