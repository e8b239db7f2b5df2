using System.Net;
using System.Text;

namespace GdNotebooks.Interactive.Formatting;

/// <summary>
/// A header and rows of text cells, written as an HTML table or as aligned plain text. Long tables keep their first
/// and last rows around a "… n more rows …" line, so a 10,000-step run stays readable and light.
/// </summary>
public sealed class HtmlTable(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
{
    /// <summary>Rows shown before eliding the middle: the first and last half of this many.</summary>
    public const int MaxRows = 40;

    public IReadOnlyList<string> Header => header;

    public IReadOnlyList<IReadOnlyList<string>> Rows => rows;

    /// <summary><c>&lt;table class="gdnb-table"&gt;</c> with a header row; numbers right-aligned by a small inline style.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<table class=\"gdnb-table\"><thead><tr>");
        foreach (var name in header) html.Append("<th>").Append(WebUtility.HtmlEncode(name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in Visible(out int hidden, out int at).Select((r, i) => (r, i)))
        {
            if (row.i == at && hidden > 0)
                html.Append($"<tr><td colspan=\"{header.Count}\" style=\"text-align:center\">… {hidden} more rows …</td></tr>");
            html.Append("<tr>");
            foreach (var cell in row.r)
                html.Append(IsNumber(cell) ? "<td style=\"text-align:right\">" : "<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>Right-aligned columns separated by two spaces, with the same elision as <see cref="ToHtml"/>.</summary>
    public string ToPlainText()
    {
        var shown = Visible(out int hidden, out int at);
        var widths = header.Select((h, i) => Math.Max(h.Length, shown.Count == 0 ? 0 : shown.Max(r => i < r.Count ? r[i].Length : 0))).ToArray();
        var text = new StringBuilder();
        text.AppendLine(string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i]))).TrimEnd());
        for (int i = 0; i < shown.Count; i++)
        {
            if (i == at && hidden > 0) text.AppendLine($"… {hidden} more rows …");
            text.AppendLine(string.Join("  ", shown[i].Select((c, j) => c.PadLeft(widths[j]))).TrimEnd());
        }
        return text.ToString();
    }

    // The rows to show; `at` is the index in that list before which the elision line goes.
    private List<IReadOnlyList<string>> Visible(out int hidden, out int at)
    {
        if (rows.Count <= MaxRows)
        {
            hidden = 0;
            at = -1;
            return [.. rows];
        }
        at = MaxRows / 2;
        hidden = rows.Count - MaxRows;
        return [.. rows.Take(at), .. rows.Skip(rows.Count - (MaxRows - at))];
    }

    private static bool IsNumber(string cell) =>
        cell.Length > 0 && (double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                            || cell is "nan" or "inf" or "-inf");
}
