using System.Globalization;
using System.Text.Json.Nodes;
using GdNotebooks.Cli.Notebooks;

namespace GdNotebooks.Cli.Running;

/// <summary>
/// What <c>gdnb run</c> records in the notebooks it writes. Per executed cell: <c>metadata.gdnotebooks</c>
/// (<c>{"status": "ok"|"error"|"timeout"|"interrupted", "duration": seconds}</c>) and, as nbclient records it,
/// <c>metadata.execution</c> (<c>iopub.execute_input</c>, <c>shell.execute_reply.started</c>, <c>shell.execute_reply</c>,
/// ISO 8601 UTC), which JupyterLab shows as the cell's run time. Per notebook: <c>metadata.gdnotebooks</c> with
/// <c>status</c>, <c>start_time</c>, <c>end_time</c>, <c>duration</c>, the injected <c>parameters</c> and, when a cell
/// failed, <c>failed_cell</c> (<c>{"number": code-cell number, "id": cell id, "ename": …}</c>).
/// </summary>
public static class RunMetadata
{
    /// <summary>The metadata key every record lives under.</summary>
    public const string Key = "gdnotebooks";

    /// <summary>The <c>gdnotebooks</c> object of <paramref name="metadata"/>, created when missing.</summary>
    public static JsonObject Section(JsonObject metadata)
    {
        if (metadata[Key] is not JsonObject section) metadata[Key] = section = [];
        return section;
    }

    /// <summary>Removes what an earlier run recorded on the cell (timing, status).</summary>
    public static void ClearCell(NotebookCell cell)
    {
        cell.Metadata.Remove(Key);
        cell.Metadata.Remove("execution");
    }

    /// <summary>Records one executed cell's status and timing.</summary>
    public static void RecordCell(NotebookCell cell, string status, DateTime startUtc, DateTime endUtc)
    {
        var section = Section(cell.Metadata);
        section["status"] = status;
        section["duration"] = Seconds(endUtc - startUtc);
        cell.Metadata["execution"] = new JsonObject
        {
            ["iopub.execute_input"] = Timestamp(startUtc),
            ["shell.execute_reply.started"] = Timestamp(startUtc),
            ["shell.execute_reply"] = Timestamp(endUtc),
        };
    }

    /// <summary>Records the notebook's run; <paramref name="failure"/> when a cell failed.</summary>
    public static void RecordNotebook(Notebook notebook, NotebookStatus status, DateTime startUtc, DateTime endUtc, CellFailure? failure)
    {
        var section = Section(notebook.Metadata);
        section["status"] = status.ToString().ToLowerInvariant();
        section["start_time"] = Timestamp(startUtc);
        section["end_time"] = Timestamp(endUtc);
        section["duration"] = Seconds(endUtc - startUtc);
        section.Remove("failed_cell");
        if (failure is not null)
            section["failed_cell"] = new JsonObject { ["number"] = failure.Number, ["id"] = failure.CellId, ["ename"] = failure.ErrorName };
    }

    /// <summary>UTC time as ISO 8601 with microseconds and a Z, as Jupyter writes it.</summary>
    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 6);
}
