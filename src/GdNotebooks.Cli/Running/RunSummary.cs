using System.Globalization;
using System.Text;

namespace GdNotebooks.Cli.Running;

/// <summary>
/// What <c>gdnb run</c> prints on stdout once every notebook has run — its only output there: one tab-separated row
/// per notebook under a header, <c>notebook  status  cells  seconds  output</c>, where status is ok, failed,
/// interrupted or not-run and cells is "run/total" code cells. Progress, warnings and failure reports go to stderr.
/// </summary>
public static class RunSummary
{
    /// <summary>The header row's columns.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["notebook", "status", "cells", "seconds", "output"];

    /// <summary>The summary table, a header and one line per result, tab-separated.</summary>
    public static string Table(IEnumerable<NotebookRunResult> results)
    {
        var text = new StringBuilder(string.Join('\t', Columns)).Append('\n');
        foreach (var r in results)
        {
            string status = r.Status switch
            {
                NotebookStatus.Ok => "ok",
                NotebookStatus.Failed => "failed",
                NotebookStatus.Interrupted => "interrupted",
                _ => "not-run",
            };
            string seconds = r.Status == NotebookStatus.NotRun ? "" : r.Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
            string output = r.Status == NotebookStatus.NotRun ? "" : r.OutputPath;
            text.Append(string.Join('\t', r.Name, status, $"{r.CellsRun}/{r.CodeCellCount}", seconds, output)).Append('\n');
        }
        return text.ToString();
    }
}
