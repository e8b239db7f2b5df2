using GdNotebooks.Experiments;

namespace GdNotebooks.Interactive.Commands;

/// <summary>
/// An experiment as a command: its declared options (shared by the <c>gdnb</c> verb and the magic command of the
/// same name) and the code that turns parsed options into a result.
/// </summary>
public sealed record ExperimentVerb(
    CommandSpec Spec,
    Func<ParsedCommand, IProgress<ExperimentProgress>?, CancellationToken, IExperimentResult> Run)
{
    public string Name => Spec.Name;

    /// <summary>Declares a verb whose options are descend's plus its own.</summary>
    public static ExperimentVerb Create(string name, string summary, IReadOnlyList<OptionSpec> ownOptions, IReadOnlyList<string> examples,
        Func<ParsedCommand, IProgress<ExperimentProgress>?, CancellationToken, IExperimentResult> run) =>
        new(new CommandSpec(name, summary, [.. DescentOptions.All, .. ownOptions], examples), run);
}
