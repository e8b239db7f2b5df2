using System.Globalization;
using System.Text;

namespace GdNotebooks.Experiments;

/// <summary>
/// Rows of cells written as CSV or as an aligned table, with the number formats every result uses:
/// 15 significant digits in CSV (0.6, not 0.6000000000000001), 8 in tables, and nan/inf spelled out.
/// </summary>
public sealed class TextTable(IReadOnlyList<string> header)
{
    private readonly List<string[]> _rows = [];

    public IReadOnlyList<string> Header => header;

    public IReadOnlyList<string[]> Rows => _rows;

    public TextTable Add(params object?[] cells)
    {
        if (cells.Length != header.Count) throw new ArgumentException($"row has {cells.Length} cells for {header.Count} columns");
        _rows.Add(cells.Select(c => c switch
        {
            null => "",
            double d => Csv(d),
            float f => Csv(f),
            bool b => b ? "true" : "false",
            IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
            _ => c.ToString() ?? "",
        }).ToArray());
        return this;
    }

    public string ToCsv()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", header.Select(Quote)));
        foreach (var row in _rows) text.AppendLine(string.Join(",", row.Select(Quote)));
        return text.ToString();
    }

    /// <summary>Right-aligned columns; numbers shortened to 8 significant digits for reading.</summary>
    public string ToAligned()
    {
        var cells = _rows.Select(r => r.Select(Shorten).ToArray()).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine(string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i]))).TrimEnd());
        foreach (var row in cells) text.AppendLine(string.Join("  ", row.Select((c, i) => c.PadLeft(widths[i]))));
        return text.ToString();
    }

    /// <summary>A number as CSV shows it: up to 15 significant digits, nan/inf/-inf for non-finite values.</summary>
    public static string Csv(double value) => NumberText.Format(value);

    private static string Shorten(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && cell.Length > 9
            ? NumberText.Format(v, 8)
            : cell;

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
