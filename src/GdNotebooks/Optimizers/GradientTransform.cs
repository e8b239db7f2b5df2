using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>
/// One link of an optimizer chain, in the spirit of optax's <c>GradientTransformation</c>: <see cref="Init"/>
/// allocates the link's state once per run, and <see cref="Update"/> rewrites the incoming directions into
/// outgoing ones in place. Links never allocate in <see cref="Update"/> and never subtract:
/// <see cref="Optimizer.Step"/> applies w ← w − u once, after the last link (the only minus sign).
/// </summary>
internal abstract class GradientTransform
{
    public abstract TransformState Init(IProblem problem);

    /// <param name="directions">In: what the previous link produced (first link: the gradient). Out: this link's result.</param>
    /// <param name="parameters">The parameters w before the step (read only).</param>
    /// <param name="state">The state this link's <see cref="Init"/> made.</param>
    /// <param name="learningRate">The learning rate of this update (from the schedule).</param>
    /// <param name="problem">The problem, for links that need curvature (Newton).</param>
    public abstract void Update(Span<double> directions, ReadOnlySpan<double> parameters, TransformState state, double learningRate, IProblem problem);
}

/// <summary>A <see cref="GradientTransform"/> with a typed state.</summary>
internal abstract class GradientTransform<TState> : GradientTransform where TState : TransformState
{
    public sealed override TransformState Init(IProblem problem) => CreateState(problem);

    public sealed override void Update(Span<double> directions, ReadOnlySpan<double> parameters, TransformState state, double learningRate, IProblem problem) =>
        Update(directions, parameters, (TState)state, learningRate, problem);

    protected abstract TState CreateState(IProblem problem);

    protected abstract void Update(Span<double> directions, ReadOnlySpan<double> parameters, TState state, double learningRate, IProblem problem);
}

/// <summary>The mutable state of one link, allocated once by <see cref="GradientTransform.Init"/>.</summary>
internal class TransformState
{
    /// <summary>The state of links that keep none.</summary>
    public static readonly TransformState None = new();
}
