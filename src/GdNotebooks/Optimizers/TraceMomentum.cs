using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>
/// Heavy-ball momentum with torch.optim.SGD's exact semantics (PyTorch 1.13): the buffer starts as the first
/// incoming direction itself (no dampening on that step), then b ← μ·b + (1 − τ)·d with τ the dampening;
/// the output is b, or d + μ·b with Nesterov. Also RMSprop's momentum (τ = 0, buffer from zeros, which
/// gives the same first step b = d).
/// </summary>
internal sealed class TraceMomentum(double momentum, double dampening, bool nesterov) : GradientTransform<TraceMomentum.MomentumState>
{
    internal sealed class MomentumState(int dimension) : TransformState
    {
        public double[] Buffer { get; } = new double[dimension];
        public bool Started { get; set; }
    }

    protected override MomentumState CreateState(IProblem problem) => new(problem.Dimension);

    protected override void Update(Span<double> directions, ReadOnlySpan<double> parameters, MomentumState state, double learningRate, IProblem problem)
    {
        var buffer = state.Buffer;
        if (!state.Started)
        {
            directions.CopyTo(buffer);
            state.Started = true;
        }
        else
        {
            double keep = 1 - dampening;
            for (int i = 0; i < buffer.Length; i++) buffer[i] = Math.FusedMultiplyAdd(keep, directions[i], buffer[i] * momentum);
        }
        if (nesterov)
            for (int i = 0; i < buffer.Length; i++) directions[i] = Math.FusedMultiplyAdd(momentum, buffer[i], directions[i]);
        else
            buffer.CopyTo(directions);
    }
}
