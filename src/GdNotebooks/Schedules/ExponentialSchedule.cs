using GdNotebooks.Specs;

namespace GdNotebooks.Schedules;

/// <summary>lr(k) = η·γᵏ, as <c>torch.optim.lr_scheduler.ExponentialLR(gamma)</c>.</summary>
internal sealed class ExponentialSchedule(double gamma, IReadOnlyList<KeyValuePair<string, SpecValue>> arguments)
    : Schedule("exponential", arguments)
{
    public static Schedule Read(CanonicalSpecReader args)
    {
        double gamma = args.RequiredDouble("gamma", "> 0", minExclusive: 0);
        return new ExponentialSchedule(gamma, args.NonDefault.ToArray());
    }

    public override double LearningRate(int update, double baseLearningRate, int totalSteps)
    {
        CheckUpdate(update, totalSteps);
        return baseLearningRate * Math.Pow(gamma, update);
    }
}
