namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// Runs <c>#!</c> magic commands. The engine strips a cell's leading <c>#!</c> lines and hands each to the
/// handler before compiling the rest as C#.
/// </summary>
public interface IMagicHandler
{
    /// <summary>
    /// Runs one magic line (with its <c>#!</c>). Returns false when the magic is unknown (the cell then fails
    /// with a message naming it). Errors in a known magic are reported by throwing <see cref="UsageException"/>.
    /// </summary>
    Task<bool> InvokeAsync(MagicInvocation invocation, CancellationToken cancellationToken);

    /// <summary>
    /// Completion inside the magic line <paramref name="line"/> at <paramref name="cursor"/> (offsets within the line),
    /// or null to leave it to C# completion.
    /// </summary>
    CompletionResult? Complete(string line, int cursor) => null;
}
