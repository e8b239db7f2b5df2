using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>
/// u ← u + λ·w. Placed before the scaling links it is torch's coupled L2 weight decay
/// (<c>grad.add(param, alpha=weight_decay)</c> in sgd, adagrad, rmsprop, adam); placed after Adam's
/// scaling and before the learning rate it is AdamW's decoupled decay (torch's <c>param.mul_(1 - lr*weight_decay)</c>).
/// </summary>
internal sealed class AddDecayedWeights(double weightDecay) : GradientTransform
{
    public double WeightDecay => weightDecay;

    public override TransformState Init(IProblem problem) => TransformState.None;

    public override void Update(Span<double> directions, ReadOnlySpan<double> parameters, TransformState state, double learningRate, IProblem problem)
    {
        for (int i = 0; i < directions.Length; i++) directions[i] += weightDecay * parameters[i];
    }
}
