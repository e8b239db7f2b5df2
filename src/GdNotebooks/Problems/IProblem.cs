namespace GdNotebooks.Problems;

/// <summary>
/// A differentiable objective f: ℝⁿ → ℝ with its exact gradient and Hessian-vector products.
/// Analytic problems and formulas implement this; data problems add mini-batches (<see cref="IDataProblem"/>).
/// </summary>
public interface IProblem
{
    /// <summary>The spec or formula this problem was made from, e.g. <c>rosenbrock</c> or <c>(w-3)^2</c>.</summary>
    string Name { get; }

    int Dimension { get; }

    /// <summary>One name per parameter: the formula's variables, <c>x</c>/<c>y</c>, or <c>w0</c>, <c>w1</c>, ….</summary>
    IReadOnlyList<string> ParameterNames { get; }

    /// <summary>How the flat parameter vector splits into tensors (one vector block for analytic problems).</summary>
    IReadOnlyList<ParameterBlock> Blocks { get; }

    /// <summary>The usual starting point: a classic start for analytic problems, a seeded initialisation for networks.</summary>
    double[] InitialPoint(int seed);

    double Loss(ReadOnlySpan<double> parameters);

    /// <summary>Writes ∇f into <paramref name="gradient"/> (overwriting it) and returns f.</summary>
    double LossAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient);

    /// <summary>Writes H(parameters)·v into <paramref name="result"/>.</summary>
    void HessianVectorProduct(ReadOnlySpan<double> parameters, ReadOnlySpan<double> vector, Span<double> result);
}
