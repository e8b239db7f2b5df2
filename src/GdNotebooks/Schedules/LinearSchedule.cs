using GdNotebooks.Specs;

namespace GdNotebooks.Schedules;

/// <summary>
/// lr(k) = η·(s + (e − s)·min(k, N)/N), as <c>torch.optim.lr_scheduler.LinearLR(start_factor=1/3, end_factor=1, total_iters=5)</c>:
/// the factor moves linearly from s to e over N updates and stays at e afterwards.
/// </summary>
internal sealed class LinearSchedule(double startFactor, double endFactor, int totalIters, IReadOnlyList<KeyValuePair<string, SpecValue>> arguments)
    : Schedule("linear", arguments)
{
    public static Schedule Read(CanonicalSpecReader args)
    {
        double start = args.Double("start_factor", 1.0 / 3, minExclusive: 0, max: 1);
        double end = args.Double("end_factor", 1.0, min: 0, max: 1);
        int totalIters = args.Int("total_iters", 5, min: 1);
        return new LinearSchedule(start, end, totalIters, args.NonDefault.ToArray());
    }

    public override double LearningRate(int update, double baseLearningRate, int totalSteps)
    {
        CheckUpdate(update, totalSteps);
        return baseLearningRate * (startFactor + (endFactor - startFactor) * Math.Min(totalIters, update) / totalIters);
    }
}
