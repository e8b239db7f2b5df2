using GdNotebooks.Specs;

namespace GdNotebooks.Schedules;

/// <summary>
/// lr(k) = η_min + (η − η_min)·(1 + cos(π k / T))/2, as <c>torch.optim.lr_scheduler.CosineAnnealingLR(T_max, eta_min=0)</c>
/// (the closed form its recursive updates follow). T = t_max, by default the run's total number of updates,
/// so the last update of a run uses a rate just above η_min and lr(T) = η_min. Past T the rate climbs back
/// along the same cosine, as torch's does.
/// </summary>
internal sealed class CosineAnnealingSchedule(int? tMax, double etaMin, IReadOnlyList<KeyValuePair<string, SpecValue>> arguments)
    : Schedule("cosine", arguments)
{
    public static Schedule Read(CanonicalSpecReader args)
    {
        int? tMax = args.OptionalInt("t_max", min: 1);
        double etaMin = args.Double("eta_min", 0, min: 0);
        return new CosineAnnealingSchedule(tMax, etaMin, args.NonDefault.ToArray());
    }

    public override double LearningRate(int update, double baseLearningRate, int totalSteps)
    {
        CheckUpdate(update, totalSteps);
        int period = tMax ?? Math.Max(totalSteps, 1);
        return etaMin + (baseLearningRate - etaMin) * (1 + Math.Cos(Math.PI * update / period)) / 2;
    }
}
