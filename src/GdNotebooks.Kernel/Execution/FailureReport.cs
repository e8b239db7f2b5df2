using System.Reflection;
using Microsoft.CodeAnalysis;

namespace GdNotebooks.Kernel.Execution;

/// <summary>Builds <see cref="ExecutionFailed"/> events from compiler diagnostics and exceptions, in terms of the user's cell.</summary>
internal static class FailureReport
{
    private const string SubmissionMarker = "Submission#";

    /// <summary>
    /// One line per error, <c>(line,column): error CSnnnn: message</c>, with line and column 1-based within the
    /// cell as typed (magic lines counted).
    /// </summary>
    public static ExecutionFailed FromDiagnostics(IEnumerable<Diagnostic> diagnostics, int lineOffset)
    {
        var lines = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => Describe(d, lineOffset))
            .ToList();
        return new ExecutionFailed(ExecutionFailed.CompilationError, string.Join("\n", lines), lines);
    }

    private static string Describe(Diagnostic diagnostic, int lineOffset)
    {
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        if (!diagnostic.Location.IsInSource) return $"error {diagnostic.Id}: {message}";
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        return $"({start.Line + 1 + lineOffset},{start.Character + 1}): error {diagnostic.Id}: {message}";
    }

    /// <summary>
    /// The exception's type, message and stack trace, trimmed after the last frame in the user's cells
    /// (the scripting machinery below it is noise); reflection wrappers are unwrapped.
    /// </summary>
    public static ExecutionFailed FromException(Exception exception)
    {
        exception = Unwrap(exception);
        var header = $"{exception.GetType().FullName}: {exception.Message}";
        var traceback = new List<string> { header };
        traceback.AddRange(TrimmedFrames(exception.StackTrace));
        if (exception.InnerException is { } inner)
            traceback.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
        return new ExecutionFailed(exception.GetType().Name, exception.Message, traceback);
    }

    /// <summary>The report for a cell stopped by an interrupt.</summary>
    public static ExecutionFailed Interrupted() =>
        new(nameof(OperationCanceledException), "The cell was interrupted.", ["OperationCanceledException: The cell was interrupted."]);

    private static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case TargetInvocationException { InnerException: { } inner }: exception = inner; continue;
                case AggregateException { InnerExceptions.Count: 1 } aggregate: exception = aggregate.InnerExceptions[0]; continue;
                default: return exception;
            }
        }
    }

    private static IEnumerable<string> TrimmedFrames(string? stackTrace)
    {
        if (string.IsNullOrEmpty(stackTrace)) return [];
        var frames = stackTrace.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        var lastUser = frames.FindLastIndex(f => f.Contains(SubmissionMarker, StringComparison.Ordinal));
        var kept = lastUser >= 0 ? frames.Take(lastUser + 1) : frames;
        return kept.Where(f => !f.Contains("--- End of stack trace from previous location", StringComparison.Ordinal))
            .Select(CellFrame);
    }

    // "at Submission#3.<<Initialize>>d__0.MoveNext() in :line 2" → "at cell 3, line 2"
    private static string CellFrame(string frame)
    {
        var at = frame.IndexOf(SubmissionMarker, StringComparison.Ordinal);
        if (at < 0 || !frame.Contains(".<<Initialize>>", StringComparison.Ordinal)) return frame;
        var digits = new string(frame[(at + SubmissionMarker.Length)..].TakeWhile(char.IsDigit).ToArray());
        var lineAt = frame.LastIndexOf(":line ", StringComparison.Ordinal);
        var line = lineAt >= 0 ? ", line " + frame[(lineAt + 6)..] : "";
        return $"   at cell {digits}{line}";
    }
}
