using GdNotebooks.Experiments;

namespace GdNotebooks.Interactive.Commands;

/// <summary>
/// How much work an experiment verb or magic may start without being asked twice. An experiment whose
/// <see cref="WorkEstimate"/> passes <see cref="MaxOperations"/> or <see cref="MaxBytes"/> is refused before it
/// starts, with the estimate and the options that drive it, unless confirmed (<c>--yes</c> on the command line,
/// <c>--force</c> in a notebook; both front ends accept both). One that would hold more memory than the machine has
/// (<see cref="AvailableBytes"/>) is refused even when confirmed: it could only end swapping or killed.
/// </summary>
/// <param name="MaxOperations">The most operations an experiment may do unconfirmed.</param>
/// <param name="MaxBytes">The most memory an experiment may hold unconfirmed.</param>
/// <param name="AvailableBytes">The memory no confirmation can exceed.</param>
public sealed record WorkLimits(long MaxOperations, long MaxBytes, long AvailableBytes)
{
    /// <summary>
    /// 1e11 operations: about 4 minutes of one core at <see cref="WorkEstimate.OperationsPerSecond"/> (4e8 a second,
    /// measured on the development machine by timing gradients, descent steps and table rows; see there). The
    /// heaviest magic in notebooks/ (05's sharpness on digits) estimates 1.2e9 (3 s); every existing test runs below too.
    /// </summary>
    public const long DefaultMaxOperations = 100_000_000_000;

    /// <summary>
    /// 2 GB: a small share of a 16–32 GB workstation, far above any notebook magic (the heaviest holds about 9 MB), and
    /// enough for a million-step descent of a small problem (1.9 GB, nearly all of it the million printed rows).
    /// </summary>
    public const long DefaultMaxBytes = 2L << 30;

    /// <summary>The confirmation flag <c>gdnb</c> documents.</summary>
    public const string CliFlag = "--yes";

    /// <summary>The confirmation flag the notebook magics document.</summary>
    public const string MagicFlag = "--force";

    /// <summary>The limits for this machine: the defaults, and the memory the .NET runtime may use here (physical memory or the container's limit).</summary>
    public static WorkLimits Default => new(DefaultMaxOperations, DefaultMaxBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    /// <summary>The two flags every experiment verb declares, with the help both front ends show.</summary>
    public static IReadOnlyList<OptionSpec> Options { get; } =
    [
        new(CliFlag, OptionType.Flag,
            $"run even if the work estimate passes {Describe(DefaultMaxOperations, DefaultMaxBytes)}; beyond the machine's memory nothing runs"),
        new(MagicFlag, OptionType.Flag, $"the same as {CliFlag}; the flag notebooks use"),
    ];

    /// <summary>True when the estimate passes a limit that a confirmation lifts.</summary>
    public bool NeedsConfirmation(WorkEstimate estimate) => estimate.Operations > MaxOperations || estimate.Bytes > MaxBytes;

    /// <summary>True when the estimate holds more memory than the machine has: refused even when confirmed.</summary>
    public bool BeyondMemory(WorkEstimate estimate) => estimate.Bytes > AvailableBytes;

    /// <summary>
    /// Lets the plan run, or throws <see cref="UsageException"/> saying why not. Beyond the limits it runs when the
    /// options hold <c>--yes</c> or <c>--force</c>, or when <paramref name="ask"/> (a question to a person at a
    /// terminal; null where there is none) returns true; beyond the machine's memory it never runs.
    /// </summary>
    /// <param name="verb">The experiment, named in the message with the options that drive its cost.</param>
    /// <param name="estimate">What the run would cost.</param>
    /// <param name="options">The parsed options, looked at for <c>--yes</c>/<c>--force</c>.</param>
    /// <param name="flag">The flag this front end documents, named in the message.</param>
    /// <param name="ask">Asks a person at a terminal; null where there is none.</param>
    public void Enforce(ExperimentVerb verb, WorkEstimate estimate, ParsedCommand options, string flag, Func<string, bool>? ask = null)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(options);
        if (BeyondMemory(estimate))
            throw new UsageException(
                $"this {verb.Name} would hold about {WorkEstimate.Size(estimate.Bytes)} ({estimate.Description}), more than the " +
                $"{WorkEstimate.Size(AvailableBytes)} of memory this machine has, so it cannot run here even with {flag}; lower {Drivers(verb)}, or use a smaller --problem");
        if (!NeedsConfirmation(estimate) || options.Flag(CliFlag) || options.Flag(MagicFlag)) return;
        if (ask is not null && ask(Explain(verb, estimate))) return;
        throw new UsageException($"{Explain(verb, estimate)}; pass {flag} to run it anyway, or lower {Drivers(verb)}");
    }

    /// <summary>"this lr-sweep would take about 40 min of CPU time and hold about 6.1 GB (…), beyond the limits of …".</summary>
    public string Explain(ExperimentVerb verb, WorkEstimate estimate)
    {
        var passed = new List<string>();
        if (estimate.Operations > MaxOperations) passed.Add($"about {WorkEstimate.Duration(CpuTime(MaxOperations))} of CPU time");
        if (estimate.Bytes > MaxBytes) passed.Add($"{WorkEstimate.Size(MaxBytes)} of memory");
        return $"this {verb.Name} would take about {WorkEstimate.Duration(estimate.CpuTime)} of CPU time and hold about " +
               $"{WorkEstimate.Size(estimate.Bytes)} ({estimate.Description}; {WorkEstimate.Count(estimate.Operations)} operations), " +
               $"beyond the limit{(passed.Count > 1 ? "s" : "")} of {string.Join(" and ", passed)}";
    }

    /// <summary>"the limits (about 4 min of CPU time or 2 GB of memory)".</summary>
    public static string Describe(long maxOperations, long maxBytes) =>
        $"the limits (about {WorkEstimate.Duration(CpuTime(maxOperations))} of CPU time or {WorkEstimate.Size(maxBytes)} of memory)";

    private static TimeSpan CpuTime(long operations) => TimeSpan.FromSeconds(operations / WorkEstimate.OperationsPerSecond);

    // "--lrs, --steps or --epochs"
    private static string Drivers(ExperimentVerb verb) =>
        verb.CostOptions.Count <= 1 ? string.Join("", verb.CostOptions) : string.Join(", ", verb.CostOptions.SkipLast(1)) + " or " + verb.CostOptions[^1];
}
