using GdNotebooks.Specs;

namespace GdNotebooks.Schedules;

/// <summary>
/// A learning-rate schedule: a pure function from the update number to the learning rate, with the semantics of
/// torch.optim.lr_scheduler (PyTorch 1.13) when <c>scheduler.step()</c> is called once after every
/// <c>optimizer.step()</c>: update k (0-based) uses the scheduler's lr after k scheduler steps. Schedules never
/// mutate an optimizer; they are immutable and thread-safe.
/// <code>
/// constant                                     η
/// step:step_size=30,gamma=0.1                  StepLR            η γ^⌊k/s⌋
/// multistep:milestones=[30,80],gamma=0.1       MultiStepLR       η γ^#{m ≤ k}
/// exponential:gamma=0.99                       ExponentialLR     η γ^k
/// cosine:t_max=T,eta_min=0                     CosineAnnealingLR (T defaults to the run's total)
/// warm_restarts:t_0=10,t_mult=1,eta_min=0      CosineAnnealingWarmRestarts
/// linear:start_factor=1/3,end_factor=1,total_iters=5   LinearLR
/// onecycle:max_lr=η,total_steps=N,pct_start=0.3,div_factor=25,final_div_factor=1e4,anneal=cos   OneCycleLR
/// any of them: warmup=n                        see <see cref="WithWarmup"/>
/// </code>
/// Parameters torch requires (step_size, milestones, exponential's gamma, t_0) are required here too.
/// </summary>
public abstract class Schedule
{
    private protected Schedule(string name, IReadOnlyList<KeyValuePair<string, SpecValue>> arguments)
    {
        Name = name;
        Arguments = arguments;
    }

    /// <summary>constant, step, multistep, exponential, cosine, warm_restarts, linear, onecycle.</summary>
    public static IReadOnlyList<string> Names => ScheduleCatalog.Names;

    /// <summary>The base learning rate at every update.</summary>
    public static Schedule Constant { get; } = new ConstantSchedule([]);

    /// <summary>The schedule's name, e.g. <c>cosine</c>.</summary>
    public string Name { get; }

    /// <summary>The non-default arguments, in canonical order (for <see cref="ToString"/>).</summary>
    internal IReadOnlyList<KeyValuePair<string, SpecValue>> Arguments { get; }

    /// <summary>Parses a spec such as <c>cosine:t_max=200</c> or <c>step:step_size=30,gamma=0.5,warmup=10</c>.</summary>
    /// <exception cref="UsageException">Unknown name or key, a missing required key, or a value out of range.</exception>
    public static Schedule Parse(string spec) => FromSpec(Spec.Parse(spec));

    /// <inheritdoc cref="Parse"/>
    public static Schedule FromSpec(Spec spec) => ScheduleCatalog.FromSpec(spec);

    /// <summary>
    /// A linear warmup of <paramref name="steps"/> = n updates in front of this schedule:
    /// lr(k) = η·(k + 1)/n for k &lt; n, then lr(k) = inner(k − n) with the inner schedule run over the remaining
    /// total − n updates (so cosine's default t_max and onecycle's default total_steps shrink by n).
    /// In torch this is <c>SequentialLR(opt, [LinearLR(opt, start_factor=1/n, end_factor=1, total_iters=n-1), inner],
    /// milestones=[n])</c>. n = 0 means no warmup; a second call replaces the warmup length.
    /// </summary>
    public Schedule WithWarmup(int steps)
    {
        if (steps < 0) throw new UsageException($"warmup={steps} for schedule {Name} is out of range; valid: ≥ 0");
        var inner = this is WarmupSchedule warm ? warm.Inner : this;
        return steps == 0 ? inner : new WarmupSchedule(inner, steps);
    }

    /// <summary>
    /// The learning rate used by update number <paramref name="update"/> (0-based) of a run with
    /// <paramref name="totalSteps"/> updates and base rate <paramref name="baseLearningRate"/>.
    /// </summary>
    public abstract double LearningRate(int update, double baseLearningRate, int totalSteps);

    /// <summary>The canonical spec: name, then the non-default arguments in a fixed order.</summary>
    public override string ToString() =>
        Arguments.Count == 0 ? Name : Name + ":" + string.Join(",", Arguments.Select(a => $"{a.Key}={a.Value}"));

    private protected static void CheckUpdate(int update, int totalSteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(update);
        ArgumentOutOfRangeException.ThrowIfNegative(totalSteps);
    }
}
