using GdNotebooks.Specs;

namespace GdNotebooks.Schedules;

/// <summary>
/// lr(k) = η·γ^(number of milestones ≤ k), as <c>torch.optim.lr_scheduler.MultiStepLR(milestones, gamma=0.1)</c>.
/// Milestones must be strictly increasing (torch would apply a repeated milestone twice).
/// </summary>
internal sealed class MultiStepSchedule(int[] milestones, double gamma, IReadOnlyList<KeyValuePair<string, SpecValue>> arguments)
    : Schedule("multistep", arguments)
{
    public static Schedule Read(CanonicalSpecReader args)
    {
        int[] milestones = args.RequiredIncreasingInts("milestones", min: 1);
        double gamma = args.Double("gamma", 0.1, minExclusive: 0);
        return new MultiStepSchedule(milestones, gamma, args.NonDefault.ToArray());
    }

    public override double LearningRate(int update, double baseLearningRate, int totalSteps)
    {
        CheckUpdate(update, totalSteps);
        int passed = 0;
        while (passed < milestones.Length && milestones[passed] <= update) passed++;
        return baseLearningRate * Math.Pow(gamma, passed);
    }
}
