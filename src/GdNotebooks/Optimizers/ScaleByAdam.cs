using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>
/// Adam's scaling (Kingma and Ba 2015), as torch.optim.Adam/AdamW (PyTorch 1.13): with t the update count,
/// m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², v̂ = max(v̂, v) with AMSGrad (else v̂ = v),
/// u = ((η / (1 − β₁ᵗ))·m) / (√v̂ / √(1 − β₂ᵗ) + ε), the learning rate folded in as torch does.
/// Note torch's ε is added after the bias correction of √v.
/// </summary>
internal sealed class ScaleByAdam(double beta1, double beta2, double eps, bool amsgrad) : GradientTransform<ScaleByAdam.AdamState>
{
    public override bool FoldsLearningRate => true;

    internal sealed class AdamState(int dimension, bool amsgrad) : TransformState
    {
        public double[] FirstMoment { get; } = new double[dimension];
        public double[] SecondMoment { get; } = new double[dimension];
        public double[] MaxSecondMoment { get; } = amsgrad ? new double[dimension] : [];
        public int Count { get; set; }
    }

    protected override AdamState CreateState(IProblem problem) => new(problem.Dimension, amsgrad);

    protected override void Update(Span<double> directions, ReadOnlySpan<double> parameters, AdamState state, double learningRate, IProblem problem)
    {
        state.Count++;
        double stepSize = learningRate / (1 - Math.Pow(beta1, state.Count));
        double correction2Sqrt = Math.Sqrt(1 - Math.Pow(beta2, state.Count));
        double rest1 = 1 - beta1, rest2 = 1 - beta2;
        var m = state.FirstMoment;
        var v = state.SecondMoment;
        var vMax = state.MaxSecondMoment;
        for (int i = 0; i < m.Length; i++)
        {
            double g = directions[i];
            m[i] = Math.FusedMultiplyAdd(rest1, g, m[i] * beta1);
            v[i] = Math.FusedMultiplyAdd(rest2 * g, g, v[i] * beta2);
            double second = v[i];
            if (amsgrad)
            {
                if (!(vMax[i] >= second)) vMax[i] = second; // NaN propagates, as torch.maximum does
                second = vMax[i];
            }
            directions[i] = stepSize * m[i] / (Math.Sqrt(second) / correction2Sqrt + eps);
        }
    }
}
