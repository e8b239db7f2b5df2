using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>
/// Decoupled weight decay (Loshchilov and Hutter 2019) as torch.optim.AdamW applies it: w ← w·(1 − ηλ) before the
/// Adam update is subtracted, i.e. w ← w − η(λw + adam) up to rounding. The directions pass through unchanged;
/// the shrinking happens in <see cref="BeforeApply"/>.
/// </summary>
internal sealed class DecoupledWeightDecay(double weightDecay) : GradientTransform
{
    public double WeightDecay => weightDecay;

    public override TransformState Init(IProblem problem) => TransformState.None;

    public override void Update(Span<double> directions, ReadOnlySpan<double> parameters, TransformState state, double learningRate, IProblem problem) { }

    public override void BeforeApply(Span<double> parameters, double learningRate)
    {
        double keep = 1 - learningRate * weightDecay;
        for (int i = 0; i < parameters.Length; i++) parameters[i] *= keep;
    }
}
