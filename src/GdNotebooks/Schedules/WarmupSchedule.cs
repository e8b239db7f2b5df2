namespace GdNotebooks.Schedules;

/// <summary>
/// A linear warmup of n updates in front of <see cref="Inner"/>: lr(k) = η·(k + 1)/n for k &lt; n, then
/// lr(k) = inner(k − n) over the remaining total − n updates. torch: SequentialLR(LinearLR(start_factor=1/n,
/// end_factor=1, total_iters=n−1), inner, milestones=[n]). Printed as the inner spec plus <c>warmup=n</c>.
/// </summary>
internal sealed class WarmupSchedule(Schedule inner, int steps)
    : Schedule(inner.Name, [.. inner.Arguments, new("warmup", new Specs.SpecValue.Number(steps))])
{
    public Schedule Inner => inner;

    public int Steps => steps;

    public override double LearningRate(int update, double baseLearningRate, int totalSteps)
    {
        CheckUpdate(update, totalSteps);
        return update < steps
            ? baseLearningRate * (update + 1) / steps
            : inner.LearningRate(update - steps, baseLearningRate, Math.Max(totalSteps - steps, 0));
    }

}
