namespace GdNotebooks.Interactive.Commands;

/// <summary>What kind of value an option takes; the parser checks it before any handler runs.</summary>
public enum OptionType
{
    /// <summary>No value: present or absent.</summary>
    Flag,
    /// <summary>Any text, e.g. a spec or a formula.</summary>
    Text,
    /// <summary>A finite number.</summary>
    Number,
    /// <summary>A whole number.</summary>
    Integer,
}

/// <summary>
/// One declared option of a verb or magic command: <c>--lr X  learning rate (default 0.1)</c>.
/// Help text, <c>#!lsmagic</c>, completion and parsing all come from these declarations.
/// </summary>
public sealed record OptionSpec(string Name, OptionType Type, string Help, string ValueName = "", string? Default = null, bool Repeatable = false)
{
    public string Usage => Type == OptionType.Flag ? Name : $"{Name} {ValueName}";
}
