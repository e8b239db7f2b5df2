using GdNotebooks.Specs;

namespace GdNotebooks.Schedules;

/// <summary>
/// SGDR (Loshchilov and Hutter 2017), as <c>torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(T_0, T_mult=1, eta_min=0)</c>:
/// lr(k) = η_min + (η − η_min)·(1 + cos(π T_cur / T_i))/2, where cycle i lasts T_i = T_0·T_multⁱ updates and
/// T_cur counts updates since the last restart; the rate jumps back to η at k = T_0, T_0 + T_0·T_mult, ….
/// </summary>
internal sealed class CosineWarmRestartsSchedule(int t0, int tMult, double etaMin, IReadOnlyList<KeyValuePair<string, SpecValue>> arguments)
    : Schedule("warm_restarts", arguments)
{
    public static Schedule Read(CanonicalSpecReader args)
    {
        int t0 = args.RequiredInt("t_0", min: 1);
        int tMult = args.Int("t_mult", 1, min: 1);
        double etaMin = args.Double("eta_min", 0, min: 0);
        return new CosineWarmRestartsSchedule(t0, tMult, etaMin, args.NonDefault.ToArray());
    }

    public override double LearningRate(int update, double baseLearningRate, int totalSteps)
    {
        CheckUpdate(update, totalSteps);
        long cycleLength = t0, sinceRestart = update;
        if (tMult == 1)
        {
            sinceRestart %= t0;
        }
        else
        {
            while (sinceRestart >= cycleLength)
            {
                sinceRestart -= cycleLength;
                cycleLength *= tMult;
            }
        }
        return etaMin + (baseLearningRate - etaMin) * (1 + Math.Cos(Math.PI * sinceRestart / cycleLength)) / 2;
    }
}
