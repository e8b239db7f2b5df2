using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>u ← η·u, with η the learning rate of this update. The last link of every recipe.</summary>
internal sealed class ScaleByLearningRate : GradientTransform
{
    public static readonly ScaleByLearningRate Instance = new();

    public override TransformState Init(IProblem problem) => TransformState.None;

    public override void Update(Span<double> directions, ReadOnlySpan<double> parameters, TransformState state, double learningRate, IProblem problem)
    {
        for (int i = 0; i < directions.Length; i++) directions[i] *= learningRate;
    }
}
