using System.Collections;
using System.Net;
using GdNotebooks.Charts;
using GdNotebooks.Experiments;
using Microsoft.DotNet.Interactive.Formatting;

namespace GdNotebooks.Interactive.Formatting;

/// <summary>
/// GdNotebooks' registrations with .NET Interactive's formatter library (<see cref="Formatter"/>), the same ones the
/// GdNotebooks kernel uses and that would load into .NET Interactive itself:
/// <list type="bullet">
/// <item>every <see cref="Figure"/>: <c>application/vnd.plotly.v1+json</c> (the figure JSON), <c>text/html</c> (a div that
/// draws it) and <c>text/plain</c> (a one-line description);</item>
/// <item>every <see cref="IExperimentResult"/>: the same three, the HTML adding the summary, notes and an HTML table and the
/// plain text being the summary;</item>
/// <item>every sequence of records (objects with properties): an HTML table and an aligned plain-text table.</item>
/// </list>
/// </summary>
public static class GdNotebooksFormatters
{
    public const string PlotlyMimeType = Figure.MimeType;
    public const string HtmlMimeType = "text/html";
    public const string PlainTextMimeType = "text/plain";

    private static readonly string[] ChartMimeTypes = [PlotlyMimeType, HtmlMimeType, PlainTextMimeType];
    private static readonly object Gate = new();

    /// <summary>
    /// Registers the formatters. Idempotent and thread-safe: it registers again only if the library lost them
    /// (after <see cref="Formatter.ResetToDefault"/>), so front ends may call it whenever they start.
    /// </summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (IsRegistered) return;

            Formatter.Register<Figure>((figure, context) => Write(context, figure.ToJson()), PlotlyMimeType);
            Formatter.Register<Figure>((figure, context) => Write(context, figure.ToHtmlFragment()), HtmlMimeType);
            Formatter.Register<Figure>((figure, context) => Write(context, figure.ToPlainText()), PlainTextMimeType);

            Formatter.Register<IExperimentResult>((result, context) => Write(context, result.ToFigure().ToJson()), PlotlyMimeType);
            Formatter.Register<IExperimentResult>((result, context) => Write(context, ResultHtml.Html(result)), HtmlMimeType);
            Formatter.Register<IExperimentResult>((result, context) => Write(context, ResultHtml.PlainText(result)), PlainTextMimeType);

            Formatter.Register(typeof(IEnumerable), SequenceHtml, HtmlMimeType);
            Formatter.Register(typeof(IEnumerable), SequencePlainText, PlainTextMimeType);

            // Last, so IsRegistered is true only once everything above is in place.
            Formatter.SetPreferredMimeTypesFor(typeof(IExperimentResult), ChartMimeTypes);
            Formatter.SetPreferredMimeTypesFor(typeof(Figure), ChartMimeTypes);
        }
    }

    /// <summary>Whether the library currently holds these registrations.</summary>
    public static bool IsRegistered => Formatter.GetPreferredMimeTypesFor(typeof(Figure)).Contains(PlotlyMimeType);

    /// <summary>
    /// The mime types a value is shown with: the library's preferred ones for its type, then <c>text/plain</c>, which
    /// every bundle carries. Null shows as text only.
    /// </summary>
    public static IReadOnlyList<string> MimeTypesFor(object? value) =>
        value is null
            ? [PlainTextMimeType]
            : Formatter.GetPreferredMimeTypesFor(value.GetType()).Append(PlainTextMimeType).Distinct().ToList();

    private static bool Write(FormatContext context, string text)
    {
        context.Writer.Write(text);
        return true;
    }

    private static bool SequenceHtml(object value, FormatContext context)
    {
        if (value is IEnumerable sequence && RecordTable.TryCreate(sequence) is { } table) return Write(context, table.ToHtml());
        // What the library shows for a sequence of scalars: its plain text, preformatted.
        HtmlFormatter.RequireDefaultStyles(context);
        return Write(context, "<div class=\"dni-plaintext\"><pre>" + WebUtility.HtmlEncode(value.ToDisplayString(PlainTextMimeType)) + "</pre></div>");
    }

    private static bool SequencePlainText(object value, FormatContext context)
    {
        if (value is IEnumerable sequence && RecordTable.TryCreate(sequence) is { } table)
            return Write(context, table.ToPlainText());
        // The library's own plain text for this type (registering for IEnumerable replaced it).
        var fallback = (ITypeFormatter)typeof(PlainTextFormatter<>).MakeGenericType(value.GetType())
            .GetField(nameof(PlainTextFormatter<object>.Default))!.GetValue(null)!;
        return fallback.Format(value, context);
    }
}
