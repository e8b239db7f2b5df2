using GdNotebooks.Specs;

namespace GdNotebooks.Schedules;

/// <summary>
/// lr(k) = η·γ^⌊k / step_size⌋, as <c>torch.optim.lr_scheduler.StepLR(step_size, gamma=0.1)</c>:
/// the rate is multiplied by γ at updates step_size, 2·step_size, ….
/// </summary>
internal sealed class StepDecaySchedule(int stepSize, double gamma, IReadOnlyList<KeyValuePair<string, SpecValue>> arguments)
    : Schedule("step", arguments)
{
    public static Schedule Read(CanonicalSpecReader args)
    {
        int stepSize = args.RequiredInt("step_size", min: 1);
        double gamma = args.Double("gamma", 0.1, minExclusive: 0);
        return new StepDecaySchedule(stepSize, gamma, args.NonDefault.ToArray());
    }

    public override double LearningRate(int update, double baseLearningRate, int totalSteps)
    {
        CheckUpdate(update, totalSteps);
        return baseLearningRate * Math.Pow(gamma, update / stepSize);
    }
}
