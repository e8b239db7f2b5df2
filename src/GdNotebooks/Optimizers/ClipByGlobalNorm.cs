using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>
/// g ← g · min(1, c / (‖g‖ + 10⁻⁶)), as <c>torch.nn.utils.clip_grad_norm_</c> (PyTorch 1.13): ‖g‖ is the
/// 2-norm of the per-block 2-norms (one per <see cref="ParameterBlock"/>, as torch takes one per tensor),
/// the 10⁻⁶ is torch's, and the factor is applied even when it is 1. A NaN norm makes every entry NaN, as in torch.
/// </summary>
internal sealed class ClipByGlobalNorm(double maxNorm) : GradientTransform<BlocksState>
{
    public double MaxNorm => maxNorm;

    protected override BlocksState CreateState(IProblem problem) => new(OptimizerBlocks.Of(problem));

    protected override void Update(Span<double> directions, ReadOnlySpan<double> parameters, BlocksState state, double learningRate, IProblem problem)
    {
        var blocks = state.Blocks;
        double total;
        if (blocks.Length == 1)
        {
            total = BlockNorm(directions, blocks[0]);
        }
        else
        {
            double sumOfSquares = 0;
            foreach (var block in blocks)
            {
                double norm = BlockNorm(directions, block);
                sumOfSquares = Math.FusedMultiplyAdd(norm, norm, sumOfSquares);
            }
            total = Math.Sqrt(sumOfSquares);
        }
        double coefficient = Math.Min(maxNorm / (total + 1e-6), 1.0);
        for (int i = 0; i < directions.Length; i++) directions[i] *= coefficient;
    }

    private static double BlockNorm(ReadOnlySpan<double> values, ParameterBlock block)
    {
        double sum = 0;
        foreach (double v in values.Slice(block.Offset, block.Length)) sum = Math.FusedMultiplyAdd(v, v, sum); // as torch.norm accumulates
        return Math.Sqrt(sum);
    }
}
