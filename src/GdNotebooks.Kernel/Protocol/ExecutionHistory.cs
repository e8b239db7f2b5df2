using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GdNotebooks.Kernel.Protocol.Messages;

namespace GdNotebooks.Kernel.Protocol;

/// <summary>
/// The inputs (and text outputs) of this kernel run, for <c>history_request</c>: tail, range and search with
/// glob patterns, as IPython answers them. Kept in memory only; this run is session 1.
/// </summary>
public sealed class ExecutionHistory
{
    /// <summary>The session number of the current run.</summary>
    public const int CurrentSession = 1;

    private readonly List<(int Line, string Input, string? Output)> _entries = [];

    /// <summary>Records cell <paramref name="line"/> (its execution count).</summary>
    public void Add(int line, string input, string? output)
    {
        lock (_entries) _entries.Add((line, input, output));
    }

    /// <summary>Answers a history request.</summary>
    public HistoryReply Query(HistoryRequest request)
    {
        List<(int Line, string Input, string? Output)> entries;
        lock (_entries) entries = [.. _entries];
        IEnumerable<(int Line, string Input, string? Output)> selected = request.AccessType switch
        {
            "tail" => entries.TakeLast(request.Count ?? 10),
            "range" when request.Session is 0 or CurrentSession or < 0 =>
                entries.Where(e => e.Line >= request.Start && (request.Stop is not { } stop || e.Line < stop)),
            "search" => Search(entries, request),
            _ => [],
        };
        return new HistoryReply(selected.Select(e => Entry(e, request.Output)).ToList());
    }

    private static IEnumerable<(int Line, string Input, string? Output)> Search(List<(int Line, string Input, string? Output)> entries, HistoryRequest request)
    {
        var pattern = new Regex("^" + Regex.Escape(request.Pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.Singleline);
        var matches = entries.Where(e => pattern.IsMatch(e.Input)).ToList();
        if (request.Unique)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            matches = matches.AsEnumerable().Reverse().Where(e => seen.Add(e.Input)).Reverse().ToList();
        }
        return request.Count is { } n ? matches.TakeLast(n) : matches;
    }

    private static JsonArray Entry((int Line, string Input, string? Output) entry, bool withOutput) =>
        withOutput
            ? new JsonArray(CurrentSession, entry.Line, new JsonArray(entry.Input, entry.Output))
            : new JsonArray(CurrentSession, entry.Line, entry.Input);
}
