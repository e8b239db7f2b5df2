using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>
/// gᵢ ← clamp(gᵢ, −c, c), as <c>torch.nn.utils.clip_grad_value_</c>. NaN stays NaN.
/// </summary>
internal sealed class ClipByValue(double maxValue) : GradientTransform
{
    public double MaxValue => maxValue;

    public override TransformState Init(IProblem problem) => TransformState.None;

    public override void Update(Span<double> directions, ReadOnlySpan<double> parameters, TransformState state, double learningRate, IProblem problem)
    {
        for (int i = 0; i < directions.Length; i++)
        {
            double d = directions[i];
            directions[i] = d > maxValue ? maxValue : d < -maxValue ? -maxValue : d;
        }
    }
}
