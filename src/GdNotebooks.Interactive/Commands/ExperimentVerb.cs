using GdNotebooks.Experiments;

namespace GdNotebooks.Interactive.Commands;

/// <summary>
/// An experiment as a command: its declared options (shared by the <c>gdnb</c> verb and the magic command of the
/// same name), the options that drive its cost (named when it is refused as too big), and the code that turns parsed
/// options into an <see cref="ExperimentPlan"/>: settings, their <see cref="WorkEstimate"/>, and the run.
/// </summary>
public sealed record ExperimentVerb(CommandSpec Spec, IReadOnlyList<string> CostOptions, Func<ParsedCommand, ExperimentPlan> Plan)
{
    public string Name => Spec.Name;

    /// <summary>
    /// Declares a verb whose options are descend's plus its own, then the confirmation flags of
    /// <see cref="WorkLimits"/>. An own option named like a shared one replaces the shared declaration in place: that
    /// is how <c>compare</c> takes <c>--optimizer</c> once per optimizer (declared repeatable) and <c>schedule</c>
    /// takes <c>--schedule</c> once per schedule.
    /// </summary>
    public static ExperimentVerb Create(string name, string summary, IReadOnlyList<OptionSpec> ownOptions, IReadOnlyList<string> examples,
        IReadOnlyList<string> costOptions, Func<ParsedCommand, ExperimentPlan> plan)
    {
        var shared = DescentOptions.All.Select(o => ownOptions.FirstOrDefault(own => own.Name == o.Name) ?? o);
        var added = ownOptions.Where(own => DescentOptions.All.All(o => o.Name != own.Name));
        return new(new CommandSpec(name, summary, [.. shared, .. added, .. WorkLimits.Options], examples), costOptions, plan);
    }

    /// <summary>
    /// Everything both front ends check before any work starts: the output format, the chart path (<see cref="ChartOption"/>)
    /// and the plan with its settings; each failure is a <see cref="UsageException"/>.
    /// </summary>
    public (string Format, string? ChartPath, ExperimentPlan Plan) Prepare(ParsedCommand options) =>
        (DescentOptions.Format(options), ChartOption.Path(options), Plan(options));
}
