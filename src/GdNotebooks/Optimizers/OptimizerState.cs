namespace GdNotebooks.Optimizers;

/// <summary>
/// Everything an <see cref="Optimizer"/> remembers between steps of one run (moment estimates, momentum
/// buffers, accumulators, step counts, scratch space), allocated once by <see cref="Optimizer.Init"/> so that
/// <see cref="Optimizer.Step"/> allocates nothing. Mutable and tied to the optimizer and problem that made it.
/// </summary>
public sealed class OptimizerState
{
    internal OptimizerState(Optimizer owner, int dimension, TransformState[] links)
    {
        Owner = owner;
        Dimension = dimension;
        Links = links;
        Directions = new double[dimension];
    }

    /// <summary>The number of parameters.</summary>
    public int Dimension { get; }

    /// <summary>How many steps have been taken with this state.</summary>
    public int StepCount { get; internal set; }

    internal Optimizer Owner { get; }

    /// <summary>One state per link of the optimizer's chain, in chain order.</summary>
    internal TransformState[] Links { get; }

    /// <summary>Scratch vector the chain rewrites in place: gradient in, update out.</summary>
    internal double[] Directions { get; }
}
