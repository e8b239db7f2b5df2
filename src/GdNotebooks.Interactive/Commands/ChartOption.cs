using GdNotebooks.Charts;

namespace GdNotebooks.Interactive.Commands;

/// <summary>
/// <c>--chart F.html</c>, as the CLI and the magic commands both handle it: checked before any work starts, and written
/// with every file-system failure (a folder that cannot be created, a read-only target, a bad name) reported as a
/// <see cref="UsageException"/> naming the path, not as a stack trace.
/// </summary>
public static class ChartOption
{
    /// <summary>The chart path given, or null; throws when it does not name an .html page.</summary>
    public static string? Path(ParsedCommand options)
    {
        string? chart = options.Text("--chart");
        if (chart is not null && !chart.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--chart {chart}: the chart is an HTML page; give a file name ending in .html");
        return chart;
    }

    /// <summary>Writes <paramref name="figure"/> as a page at <paramref name="path"/> and returns where plotly.js comes from.</summary>
    public static PlotlySource Write(Figure figure, string path)
    {
        try
        {
            return figure.WriteHtml(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--chart {path}: cannot write the chart: {e.Message}");
        }
    }
}
