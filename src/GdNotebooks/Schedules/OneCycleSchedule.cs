using GdNotebooks.Specs;

namespace GdNotebooks.Schedules;

/// <summary>
/// The 1cycle policy (Smith and Topin 2018), learning rate only, as
/// <c>torch.optim.lr_scheduler.OneCycleLR(max_lr, total_steps, pct_start=0.3, anneal_strategy='cos', div_factor=25,
/// final_div_factor=1e4, three_phase=False, cycle_momentum=False)</c>. With N = total_steps, η₀ = max_lr/div_factor
/// and η_min = η₀/final_div_factor: from η₀ up to max_lr until update p = pct_start·N − 1, then down to η_min at
/// update N − 1, each phase annealed by cosine, a + (b − a)/2·(cos(π·pct) + 1) going from b to a, or linearly.
/// <para>
/// Differences from torch: max_lr defaults to the run's base learning rate and total_steps to the run's total;
/// torch's momentum cycling (cycle_momentum=True, its default) is not modelled — schedules only set the rate;
/// three_phase is not offered; a phase of zero length gives its end value (torch divides 0 by 0); and from update
/// N on the rate stays at η_min (torch raises when stepped past N).
/// </para>
/// </summary>
internal sealed class OneCycleSchedule(double? maxLr, int? cycleSteps, double pctStart, double divFactor, double finalDivFactor, bool cosine,
    IReadOnlyList<KeyValuePair<string, SpecValue>> arguments) : Schedule("onecycle", arguments)
{
    public static Schedule Read(CanonicalSpecReader args)
    {
        double? maxLr = args.OptionalDouble("max_lr", minExclusive: 0);
        int? totalSteps = args.OptionalInt("total_steps", min: 1);
        double pctStart = args.Double("pct_start", 0.3, min: 0, max: 1);
        double divFactor = args.Double("div_factor", 25, minExclusive: 0);
        double finalDivFactor = args.Double("final_div_factor", 1e4, minExclusive: 0);
        bool cosine = args.Choice("anneal", "cos", "cos", "linear") == "cos";
        return new OneCycleSchedule(maxLr, totalSteps, pctStart, divFactor, finalDivFactor, cosine, args.NonDefault.ToArray());
    }

    public override double LearningRate(int update, double baseLearningRate, int totalSteps)
    {
        CheckUpdate(update, totalSteps);
        double peak = maxLr ?? baseLearningRate;
        int total = cycleSteps ?? Math.Max(totalSteps, 1);
        double initial = peak / divFactor;
        double minimum = initial / finalDivFactor;
        if (update >= total) return minimum;
        double peakStep = pctStart * total - 1;
        double lastStep = total - 1;
        return update <= peakStep
            ? Anneal(initial, peak, Fraction(update, 0, peakStep))
            : Anneal(peak, minimum, Fraction(update, peakStep, lastStep));
    }

    private static double Fraction(double step, double start, double end) => end > start ? (step - start) / (end - start) : 1;

    /// <summary>From <paramref name="start"/> at pct = 0 to <paramref name="end"/> at pct = 1.</summary>
    private double Anneal(double start, double end, double pct) =>
        cosine ? end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1) : (end - start) * pct + start;
}
