namespace GdNotebooks.Interactive.Magics;

/// <summary>Completion candidates for a magic line: each match replaces the text between <paramref name="Start"/> and <paramref name="End"/>.</summary>
public sealed record MagicCompletion(IReadOnlyList<string> Matches, int Start, int End);
