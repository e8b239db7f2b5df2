namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// Completion candidates for the text between <paramref name="Start"/> and <paramref name="End"/>
/// (UTF-16 offsets into the cell) that each match would replace.
/// </summary>
public sealed record CompletionResult(IReadOnlyList<string> Matches, int Start, int End);
