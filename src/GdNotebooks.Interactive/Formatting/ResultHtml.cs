using System.Net;
using System.Text;
using GdNotebooks.Charts;
using GdNotebooks.Experiments;

namespace GdNotebooks.Interactive.Formatting;

/// <summary>
/// The <c>text/html</c> and <c>text/plain</c> renderings of an <see cref="IExperimentResult"/>: its summary in words, its notes,
/// its chart and its table (from the result's CSV export).
/// </summary>
public static class ResultHtml
{
    /// <summary>Summary paragraph, notes, the figure's HTML fragment and the table, open, in a <c>details</c> element.</summary>
    public static string Html(IExperimentResult result, Figure? figure = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = CsvTable.Parse(result.ToCsv());
        var html = new StringBuilder("<div class=\"gdnb-result\">");
        html.Append("<p class=\"gdnb-summary\">").Append(WebUtility.HtmlEncode(result.Summary)).Append("</p>");
        foreach (var note in result.Notes)
            html.Append("<p class=\"gdnb-note\" style=\"color:#b45309\">⚠ ").Append(WebUtility.HtmlEncode(note)).Append("</p>");
        html.Append((figure ?? result.ToFigure()).ToHtmlFragment());
        html.Append($"<details open><summary>table: {table.Rows.Count} rows × {table.Header.Count} columns</summary>")
            .Append(table.ToHtml())
            .Append("</details></div>");
        return html.ToString();
    }

    /// <summary>Summary paragraph, notes and the table without the chart: what a magic command shows under its chart.</summary>
    public static string SummaryAndTable(IExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = CsvTable.Parse(result.ToCsv());
        var html = new StringBuilder("<div class=\"gdnb-result\">");
        html.Append("<p class=\"gdnb-summary\">").Append(WebUtility.HtmlEncode(result.Summary)).Append("</p>");
        foreach (var note in result.Notes)
            html.Append("<p class=\"gdnb-note\" style=\"color:#b45309\">⚠ ").Append(WebUtility.HtmlEncode(note)).Append("</p>");
        return html.Append(table.ToHtml()).Append("</div>").ToString();
    }

    /// <summary>The summary, then one line per note.</summary>
    public static string PlainText(IExperimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Notes.Count == 0 ? result.Summary : result.Summary + "\n" + string.Join("\n", result.Notes);
    }
}
