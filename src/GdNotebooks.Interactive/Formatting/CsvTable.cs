using System.Text;

namespace GdNotebooks.Interactive.Formatting;

/// <summary>
/// Reads the CSV an <see cref="Experiments.IExperimentResult"/> exports (RFC 4180 quoting, a header row) back into
/// an <see cref="HtmlTable"/>, so every result gets an HTML table without a second table API.
/// </summary>
public static class CsvTable
{
    public static HtmlTable Parse(string csv)
    {
        var records = Records(csv).ToList();
        if (records.Count == 0) return new HtmlTable([], []);
        return new HtmlTable(records[0], records.Skip(1).ToList());
    }

    private static IEnumerable<IReadOnlyList<string>> Records(string csv)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; any = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    if (any || field.Length > 0) { fields.Add(field.ToString()); yield return fields; }
                    fields = [];
                    field.Clear();
                    any = false;
                    break;
                default: field.Append(c); any = true; break;
            }
        }
        if (any || field.Length > 0) { fields.Add(field.ToString()); yield return fields; }
    }
}
