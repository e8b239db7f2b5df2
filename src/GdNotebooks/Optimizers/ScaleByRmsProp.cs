using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>
/// RMSprop's scaling, as torch.optim.RMSprop (PyTorch 1.13): vᵢ ← α·vᵢ + (1 − α)·gᵢ²; centered also keeps
/// mᵢ ← α·mᵢ + (1 − α)·gᵢ and uses v − m² in place of v; uᵢ = gᵢ / (√(vᵢ [− mᵢ²]) + ε).
/// torch's momentum (b ← μ·b + u, w ← w − η·b) is a <see cref="TraceMomentum"/> link after this one; without
/// momentum torch folds the learning rate in, uᵢ = (η·gᵢ) / (√vᵢ + ε), and so does this link
/// (<paramref name="foldLearningRate"/>).
/// No bias correction, both averages start at zero. A negative v − m² (rounding) gives NaN, as in torch.
/// </summary>
internal sealed class ScaleByRmsProp(double alpha, double eps, bool centered, bool foldLearningRate) : GradientTransform<ScaleByRmsProp.RmsPropState>
{
    public override bool FoldsLearningRate => foldLearningRate;

    internal sealed class RmsPropState(int dimension, bool centered) : TransformState
    {
        public double[] SquareAverage { get; } = new double[dimension];
        public double[] GradientAverage { get; } = centered ? new double[dimension] : [];
    }

    protected override RmsPropState CreateState(IProblem problem) => new(problem.Dimension, centered);

    protected override void Update(Span<double> directions, ReadOnlySpan<double> parameters, RmsPropState state, double learningRate, IProblem problem)
    {
        double rest = 1 - alpha;
        var square = state.SquareAverage;
        var mean = state.GradientAverage;
        for (int i = 0; i < square.Length; i++)
        {
            double g = directions[i];
            square[i] = Math.FusedMultiplyAdd(rest * g, g, square[i] * alpha);
            double variance = square[i];
            if (centered)
            {
                mean[i] = Math.FusedMultiplyAdd(rest, g, mean[i] * alpha);
                variance = Math.FusedMultiplyAdd(-mean[i], mean[i], square[i]);
            }
            double scaled = foldLearningRate ? learningRate * g : g;
            directions[i] = scaled / (Math.Sqrt(variance) + eps);
        }
    }
}
