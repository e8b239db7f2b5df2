using GdNotebooks.Interactive.Commands;

namespace GdNotebooks.Interactive.Magics;

/// <summary>
/// One magic command, declared as data: its name, one-line summary and options (a <see cref="CommandSpec"/>, the same
/// one the <c>gdnb</c> verb of that name parses with), what kind of thing it does, and for experiments the verb to run.
/// Help, <c>#!lsmagic</c> and completion are generated from these declarations.
/// </summary>
public sealed record MagicCommand(CommandSpec Spec, MagicKind Kind, ExperimentVerb? Experiment = null)
{
    /// <summary>The name after <c>#!</c>, e.g. <c>lr-sweep</c>.</summary>
    public string Name => Spec.Name;

    /// <summary>The one-line help.</summary>
    public string Summary => Spec.Summary;

    /// <summary>How it is written in a cell: <c>#!lr-sweep</c>.</summary>
    public string Usage => MagicCommands.Prefix + Name;

    /// <summary>The text <c>#!NAME --help</c> prints: the CLI verb's help, introduced as a magic.</summary>
    public string Help() => "usage: " + MagicCommands.Prefix + Spec.Help();
}
