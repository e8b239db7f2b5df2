namespace GdNotebooks.Interactive.Commands;

/// <summary>The options given to one command, already checked against their declared types.</summary>
public sealed class ParsedCommand(CommandSpec command, IReadOnlyDictionary<string, List<string>> values, bool helpRequested)
{
    public CommandSpec Command => command;

    public bool HelpRequested => helpRequested;

    public bool Has(string option) => values.ContainsKey(Known(option));

    public bool Flag(string option) => Has(option);

    public string? Text(string option) => values.TryGetValue(Known(option), out var list) ? list[^1] : command.Find(option)!.Default;

    public IReadOnlyList<string> All(string option) => values.TryGetValue(Known(option), out var list) ? list : [];

    public double? Number(string option) => Text(option) is { } text ? ValueParsing.Number(text, option) : null;

    public int? Integer(string option) => Text(option) is { } text ? ValueParsing.Integer(text, option) : null;

    // A typo in our own code should fail loudly in tests, not read as "option absent".
    private string Known(string option) =>
        command.Find(option) is not null ? option : throw new ArgumentException($"{command.Name} declares no option {option}");
}
