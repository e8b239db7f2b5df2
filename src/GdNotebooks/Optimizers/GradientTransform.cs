using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>
/// One link of an optimizer chain, in the spirit of optax's <c>GradientTransformation</c>: <see cref="Init"/>
/// allocates the link's state once per run, and <see cref="Update"/> rewrites the incoming directions into
/// outgoing ones in place. Links never allocate in <see cref="Update"/> and never subtract:
/// <see cref="Optimizer.Step"/> applies w ← w − η·u once, after the last link (the only minus sign).
/// <para>
/// Arithmetic follows torch's kernels operation by operation so trajectories agree to the last digit or nearly:
/// <c>add(x, alpha=a)</c> and <c>addcmul</c> are fused multiply-adds on torch's CPU kernels, so they are
/// <see cref="Math.FusedMultiplyAdd"/> here; <c>addcdiv(t1, t2, value=v)</c> is <c>(v·t1)/t2</c>. Where torch
/// folds the learning rate into an adaptive step (Adam's lr/(1 − β₁ᵗ), Adagrad's decayed lr, RMSprop without
/// momentum, our Newton) the link does too and says so with <see cref="FoldsLearningRate"/>.
/// </para>
/// </summary>
internal abstract class GradientTransform
{
    /// <summary>True when this link has already multiplied its output by the learning rate, so Step must not.</summary>
    public virtual bool FoldsLearningRate => false;

    /// <summary>
    /// Called after the whole chain has run and before w ← w − u: the place for decoupled weight decay, which
    /// torch's AdamW applies to the parameters themselves (w ← w·(1 − ηλ)). Most links do nothing here.
    /// </summary>
    public virtual void BeforeApply(Span<double> parameters, double learningRate) { }

    /// <summary>Throws <see cref="UsageException"/> when this link cannot run on <paramref name="problem"/>; allocates nothing.</summary>
    public virtual void Check(IProblem problem) { }

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
