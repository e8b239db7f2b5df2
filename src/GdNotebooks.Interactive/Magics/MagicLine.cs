using GdNotebooks.Interactive.Commands;

namespace GdNotebooks.Interactive.Magics;

/// <summary>A parsed magic line: the command it names and its options, checked against the command's declarations.</summary>
public sealed record MagicLine(MagicCommand Command, ParsedCommand Options);
