using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>
/// u ← u + λ·w (one fused multiply-add): torch's coupled L2 weight decay, <c>grad.add(param, alpha=weight_decay)</c>
/// in SGD, Adagrad, RMSprop and Adam, placed before the scaling links. AdamW's decoupled decay is
/// <see cref="DecoupledWeightDecay"/>.
/// </summary>
internal sealed class AddDecayedWeights(double weightDecay) : GradientTransform
{
    public double WeightDecay => weightDecay;

    public override TransformState Init(IProblem problem) => TransformState.None;

    public override void Update(Span<double> directions, ReadOnlySpan<double> parameters, TransformState state, double learningRate, IProblem problem)
    {
        for (int i = 0; i < directions.Length; i++) directions[i] = Math.FusedMultiplyAdd(weightDecay, parameters[i], directions[i]);
    }
}
