using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>
/// Gradient centralization (Yong et al. 2020, "Gradient Centralization: A New Optimization Technique for Deep
/// Neural Networks"): for every matrix <see cref="ParameterBlock"/> (one row per output unit), subtract each
/// row's mean from that row, g_r ← g_r − mean(g_r); vector blocks (biases, analytic problems) are untouched.
/// In our chains it acts on the raw gradient, before clipping and before the optimizer's own weight decay.
/// </summary>
internal sealed class CentralizeGradients : GradientTransform<BlocksState>
{
    public static readonly CentralizeGradients Instance = new();

    protected override BlocksState CreateState(IProblem problem) =>
        new(OptimizerBlocks.Of(problem).Where(b => b.IsMatrix).ToArray());

    protected override void Update(Span<double> directions, ReadOnlySpan<double> parameters, BlocksState state, double learningRate, IProblem problem)
    {
        foreach (var block in state.Blocks)
        {
            for (int r = 0; r < block.Rows; r++)
            {
                var row = directions.Slice(block.Offset + r * block.Columns, block.Columns);
                double sum = 0;
                foreach (double v in row) sum += v;
                double mean = sum / block.Columns;
                for (int c = 0; c < row.Length; c++) row[c] -= mean;
            }
        }
    }
}
