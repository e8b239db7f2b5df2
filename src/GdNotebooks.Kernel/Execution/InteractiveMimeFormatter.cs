using System.Text.Json.Nodes;
using GdNotebooks.Interactive.Formatting;
using Microsoft.DotNet.Interactive.Formatting;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// The kernel's formatter on top of .NET Interactive's formatter library: a value is shown with the mime types the
/// library prefers for its type (plus <c>text/plain</c>), each rendered by <see cref="Formatter.ToDisplayString(object, string)"/>,
/// so GdNotebooks' registrations (<see cref="GdNotebooksFormatters"/>: figures, experiment results, tables of records)
/// and any a user adds with <c>Formatter.Register</c> apply to trailing expressions and <c>display(x)</c>.
/// Scalars are shown as text only, and a string displayed with explicit mime types is taken as content of those types.
/// </summary>
public sealed class InteractiveMimeFormatter : IMimeFormatter
{
    private readonly DefaultMimeFormatter _scalars = new();

    /// <summary>Creates the formatter, registering GdNotebooks' formatters with the library if they are not yet.</summary>
    public InteractiveMimeFormatter() => GdNotebooksFormatters.Register();

    /// <inheritdoc />
    public MimeBundle Format(object? value, IReadOnlyList<string> mimeTypes)
    {
        if (value is string raw && mimeTypes.Count > 0) return DefaultMimeFormatter.Raw(raw, mimeTypes);
        if (mimeTypes.Count == 0 && DefaultMimeFormatter.IsSimple(value)) return MimeBundle.PlainText(_scalars.PlainText(value));

        var wanted = mimeTypes.Count > 0 ? mimeTypes.Append(GdNotebooksFormatters.PlainTextMimeType).Distinct().ToList() : GdNotebooksFormatters.MimeTypesFor(value);
        var data = new Dictionary<string, JsonNode>();
        foreach (var mime in wanted)
        {
            var text = value is null ? _scalars.PlainText(null) : value.ToDisplayString(mime);
            data[mime] = DefaultMimeFormatter.IsJson(mime) ? DefaultMimeFormatter.ParseJson(text) : JsonValue.Create(text);
        }
        return new MimeBundle(data);
    }
}
