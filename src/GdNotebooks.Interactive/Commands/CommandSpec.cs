using System.Text;

namespace GdNotebooks.Interactive.Commands;

/// <summary>
/// A verb of <c>gdnb</c> and the magic command of the same name: its options, its help, and its parser.
/// The CLI passes <c>args</c>; the kernel passes the magic line split by <see cref="CommandLineSplitter"/>.
/// </summary>
public sealed record CommandSpec(string Name, string Summary, IReadOnlyList<OptionSpec> Options, IReadOnlyList<string> Examples)
{
    public OptionSpec? Find(string name) => Options.FirstOrDefault(o => o.Name == name);

    /// <summary>Parses tokens such as <c>--lr 0.1 --steps=5 --nesterov</c>; throws <see cref="UsageException"/> naming the bad token.</summary>
    public ParsedCommand Parse(IReadOnlyList<string> tokens)
    {
        var values = new Dictionary<string, List<string>>();
        bool help = false;
        for (int i = 0; i < tokens.Count; i++)
        {
            string token = tokens[i];
            if (token is "-h" or "--help" or "-?")
            {
                help = true;
                continue;
            }
            if (!token.StartsWith("--"))
                throw new UsageException($"unexpected argument '{token}'; options start with --. Try '{Name} --help'.");

            string name = token;
            string? inline = null;
            int eq = token.IndexOf('=');
            if (eq > 0) (name, inline) = (token[..eq], token[(eq + 1)..]);
            var option = Find(name) ?? throw UnknownOption(name);

            if (option.Type == OptionType.Flag)
            {
                if (inline is not null) throw new UsageException($"{name} takes no value");
                Add(values, option, "true");
                continue;
            }
            string? value = inline;
            if (value is null && i + 1 < tokens.Count && !LooksLikeOption(tokens[i + 1])) value = tokens[++i];
            if (value is null || value.Length == 0)
                throw new UsageException($"{name} needs a value ({option.ValueName}: {option.Help})");
            Check(option, value);
            if (!option.Repeatable && values.ContainsKey(option.Name))
                throw new UsageException($"{name} is given twice; give it once");
            Add(values, option, value);
        }
        return new ParsedCommand(this, values, help);
    }

    /// <summary>The text shown by <c>--help</c>: usage, options with defaults, examples.</summary>
    public string Help()
    {
        var text = new StringBuilder();
        text.AppendLine($"{Name}: {Summary}");
        text.AppendLine();
        text.AppendLine("Options:");
        int width = Math.Max(Options.Select(o => o.Usage.Length).DefaultIfEmpty(0).Max(), "-h, --help".Length) + 2;
        foreach (var option in Options)
        {
            string line = $"  {option.Usage.PadRight(width)}{option.Help}";
            if (option.Default is not null) line += $" (default {option.Default})";
            if (option.Repeatable) line += " (repeatable)";
            text.AppendLine(line);
        }
        text.AppendLine($"  {"-h, --help".PadRight(width)}show this help");
        if (Examples.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Examples:");
            foreach (var example in Examples) text.AppendLine("  " + example);
        }
        return text.ToString();
    }

    // "-1,2" and "-0.5" are values (negative numbers), "--x" and "-h" are options.
    private static bool LooksLikeOption(string token) =>
        token.StartsWith("--") || (token.StartsWith('-') && token.Length > 1 && !char.IsDigit(token[1]) && token[1] != '.');

    private void Check(OptionSpec option, string value)
    {
        switch (option.Type)
        {
            case OptionType.Number:
                ValueParsing.Number(value, option.Name);
                break;
            case OptionType.Integer:
                ValueParsing.Integer(value, option.Name);
                break;
        }
    }

    private static void Add(Dictionary<string, List<string>> values, OptionSpec option, string value)
    {
        if (!values.TryGetValue(option.Name, out var list)) values[option.Name] = list = [];
        list.Add(value);
    }

    private UsageException UnknownOption(string name)
    {
        var names = Options.Select(o => o.Name).ToList();
        if (names.Count == 0) return new UsageException($"unknown option '{name}'; {Name} takes no options (only --help)");
        var close = names.Where(n => Similar(n, name)).ToList();
        string hint = close.Count > 0 ? $" Did you mean {string.Join(" or ", close)}?" : "";
        return new UsageException($"unknown option '{name}'.{hint} Valid options: {string.Join(", ", names)}, --help");
    }

    private static bool Similar(string a, string b) =>
        a.Contains(b.TrimStart('-'), StringComparison.OrdinalIgnoreCase) && b.TrimStart('-').Length >= 2 ||
        EditDistance(a, b) <= 2;

    private static int EditDistance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
