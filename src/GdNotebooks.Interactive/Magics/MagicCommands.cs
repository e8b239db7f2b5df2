using System.Text;
using GdNotebooks.Interactive.Commands;

namespace GdNotebooks.Interactive.Magics;

/// <summary>
/// The magic-command table, declared once: one magic per experiment verb of <see cref="ExperimentCommands.All"/>
/// (so a verb added there is a magic too, with the same options and help as on the command line), plus
/// <c>#!lsmagic</c>, <c>#!time</c> and <c>#!csharp</c>. Parsing, help, <c>#!lsmagic</c>'s listing and completion all read it.
/// </summary>
public static class MagicCommands
{
    /// <summary>What starts a magic line.</summary>
    public const string Prefix = "#!";

    public static MagicCommand ListMagics { get; } = new(
        new CommandSpec("lsmagic", "list the magic commands with their one-line help", [], ["#!lsmagic"]), MagicKind.ListMagics);

    public static MagicCommand Time { get; } = new(
        new CommandSpec("time", "time the rest of the cell and print its wall time (\"Wall time: 12.3ms\")", [],
            ["#!time", "#!time\n#!descend --problem rosenbrock --steps 10000"]), MagicKind.Time);

    public static MagicCommand CSharp { get; } = new(
        new CommandSpec("csharp", "run the cell as C#, the kernel's one language (accepted for .NET Interactive notebooks)", [], []), MagicKind.Language);

    /// <summary>Every magic: the experiment verbs in their registration order, then the kernel's own.</summary>
    public static IReadOnlyList<MagicCommand> All { get; } =
        [.. ExperimentCommands.All.Select(v => new MagicCommand(v.Spec, MagicKind.Experiment, v)), ListMagics, Time, CSharp];

    /// <summary>The magic called <paramref name="name"/> (without <c>#!</c>), or null.</summary>
    public static MagicCommand? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>
    /// Parses a magic line such as <c>#!descend --problem "(w-3)^2" --lr 0.1</c>: split like a shell line
    /// (<see cref="CommandLineSplitter"/>), then parsed by the command's <see cref="CommandSpec.Parse"/>, exactly as the CLI does.
    /// </summary>
    /// <exception cref="UsageException">Not a magic line, an unknown magic (the message lists the valid ones), or bad options.</exception>
    public static MagicLine Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.TrimStart();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)) throw new UsageException($"not a magic command: {line}; magic commands start with {Prefix}");
        var tokens = CommandLineSplitter.Split(text[Prefix.Length..]);
        if (tokens.Count == 0) throw new UsageException($"{Prefix} needs a magic command name; valid magic commands: {Names()}");
        var command = Find(tokens[0]) ?? throw UsageException.UnknownChoice("magic command", Prefix + tokens[0], All.Select(m => m.Usage));
        return new MagicLine(command, command.Spec.Parse(tokens.Skip(1).ToList()));
    }

    /// <summary>What <c>#!lsmagic</c> prints: each magic with its one-line help.</summary>
    public static string ListText()
    {
        int width = All.Max(m => m.Usage.Length) + 2;
        var text = new StringBuilder("Magic commands (put them at the top of a cell; #!NAME --help shows a command's options):\n\n");
        foreach (var magic in All) text.AppendLine($"  {magic.Usage.PadRight(width)}{magic.Summary}");
        text.AppendLine().AppendLine($"An experiment whose estimated work passes {WorkLimits.Describe(WorkLimits.DefaultMaxOperations, WorkLimits.DefaultMaxBytes)} " +
            $"is refused with its estimate; add {WorkLimits.MagicFlag} to run it anyway.");
        return text.ToString();
    }

    /// <summary>
    /// Completes a magic line at <paramref name="cursor"/> (an offset into <paramref name="line"/>, which starts with <c>#!</c>):
    /// magic names right after <c>#!</c>, option names (and <c>--help</c>) after <c>#!verb </c>. Empty when nothing fits,
    /// for instance where an option's value goes.
    /// </summary>
    public static MagicCompletion Complete(string line, int cursor)
    {
        ArgumentNullException.ThrowIfNull(line);
        cursor = Math.Clamp(cursor, 0, line.Length);
        int prefixAt = line.IndexOf(Prefix, StringComparison.Ordinal);
        if (prefixAt < 0 || cursor < prefixAt + Prefix.Length) return new MagicCompletion([], cursor, cursor);
        int start = cursor;
        while (start > prefixAt + Prefix.Length && !char.IsWhiteSpace(line[start - 1])) start--;
        string word = line[start..cursor];

        if (start == prefixAt + Prefix.Length)
            return new MagicCompletion(All.Select(m => m.Name).Where(n => n.StartsWith(word, StringComparison.Ordinal)).ToList(), start, cursor);

        var before = line[(prefixAt + Prefix.Length)..start].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (before.Length == 0 || Find(before[0]) is not { } command) return new MagicCompletion([], start, cursor);
        var previous = before.Length > 1 ? command.Spec.Find(before[^1]) : null;
        if (previous is { Type: not OptionType.Flag } && !word.StartsWith('-')) return new MagicCompletion([], start, cursor);
        var options = command.Spec.Options.Select(o => o.Name).Append("--help")
            .Where(o => o.StartsWith(word, StringComparison.Ordinal))
            .ToList();
        return new MagicCompletion(options, start, cursor);
    }

    private static string Names() => string.Join(", ", All.Select(m => m.Usage));
}
