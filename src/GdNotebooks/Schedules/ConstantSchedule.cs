using GdNotebooks.Specs;

namespace GdNotebooks.Schedules;

/// <summary>lr(k) = η: no scheduler at all in torch.</summary>
internal sealed class ConstantSchedule(IReadOnlyList<KeyValuePair<string, SpecValue>> arguments) : Schedule("constant", arguments)
{
    public override double LearningRate(int update, double baseLearningRate, int totalSteps)
    {
        CheckUpdate(update, totalSteps);
        return baseLearningRate;
    }
}
