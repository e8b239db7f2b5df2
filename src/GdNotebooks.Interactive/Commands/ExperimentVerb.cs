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

    /// <summary>
    /// Declares a verb whose options are descend's plus its own. An own option named like a shared one replaces
    /// the shared declaration in place: that is how <c>compare</c> takes <c>--optimizer</c> once per optimizer
    /// (declared repeatable) and <c>schedule</c> takes <c>--schedule</c> once per schedule.
    /// </summary>
    public static ExperimentVerb Create(string name, string summary, IReadOnlyList<OptionSpec> ownOptions, IReadOnlyList<string> examples,
        Func<ParsedCommand, IProgress<ExperimentProgress>?, CancellationToken, IExperimentResult> run)
    {
        var shared = DescentOptions.All.Select(o => ownOptions.FirstOrDefault(own => own.Name == o.Name) ?? o);
        var added = ownOptions.Where(own => DescentOptions.All.All(o => o.Name != own.Name));
        return new(new CommandSpec(name, summary, [.. shared, .. added], examples), run);
    }
}
