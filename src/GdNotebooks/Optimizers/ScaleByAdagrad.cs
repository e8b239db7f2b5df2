using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>
/// Adagrad's scaling, as torch.optim.Adagrad (PyTorch 1.13): with t the update count,
/// sᵢ ← sᵢ + gᵢ², uᵢ = gᵢ / (√sᵢ + ε) / (1 + (t − 1)·lr_decay); s starts at initial_accumulator_value.
/// (torch folds the lr_decay factor into the learning rate; the product is the same.)
/// </summary>
internal sealed class ScaleByAdagrad(double lrDecay, double eps, double initialAccumulatorValue) : GradientTransform<ScaleByAdagrad.AdagradState>
{
    internal sealed class AdagradState(int dimension, double initial) : TransformState
    {
        public double[] SumOfSquares { get; } = Enumerable.Repeat(initial, dimension).ToArray();
        public int Count { get; set; }
    }

    protected override AdagradState CreateState(IProblem problem) => new(problem.Dimension, initialAccumulatorValue);

    protected override void Update(Span<double> directions, ReadOnlySpan<double> parameters, AdagradState state, double learningRate, IProblem problem)
    {
        state.Count++;
        double decay = 1 + (state.Count - 1) * lrDecay;
        var sum = state.SumOfSquares;
        for (int i = 0; i < sum.Length; i++)
        {
            double g = directions[i];
            sum[i] += g * g;
            directions[i] = g / (Math.Sqrt(sum[i]) + eps) / decay;
        }
    }
}
