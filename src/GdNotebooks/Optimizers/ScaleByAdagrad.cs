using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>
/// Adagrad's scaling with the learning rate folded in, as torch.optim.Adagrad (PyTorch 1.13): with t the update
/// count, sᵢ ← sᵢ + gᵢ², uᵢ = (η_t·gᵢ) / (√sᵢ + ε) where η_t = η / (1 + (t − 1)·lr_decay);
/// s starts at initial_accumulator_value.
/// </summary>
internal sealed class ScaleByAdagrad(double lrDecay, double eps, double initialAccumulatorValue) : GradientTransform<ScaleByAdagrad.AdagradState>
{
    public override bool FoldsLearningRate => true;

    internal sealed class AdagradState(int dimension, double initial) : TransformState
    {
        public double[] SumOfSquares { get; } = Enumerable.Repeat(initial, dimension).ToArray();
        public int Count { get; set; }
    }

    protected override AdagradState CreateState(IProblem problem) => new(problem.Dimension, initialAccumulatorValue);

    protected override void Update(Span<double> directions, ReadOnlySpan<double> parameters, AdagradState state, double learningRate, IProblem problem)
    {
        state.Count++;
        double rate = learningRate / (1 + (state.Count - 1) * lrDecay);
        var sum = state.SumOfSquares;
        for (int i = 0; i < sum.Length; i++)
        {
            double g = directions[i];
            sum[i] = Math.FusedMultiplyAdd(g, g, sum[i]);
            directions[i] = rate * g / (Math.Sqrt(sum[i]) + eps);
        }
    }
}
