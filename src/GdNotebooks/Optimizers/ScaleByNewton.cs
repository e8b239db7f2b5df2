using GdNotebooks.Problems;

namespace GdNotebooks.Optimizers;

/// <summary>
/// Newton's step u = η·(H + λI)⁻¹ g (learning rate folded in) with H the dense Hessian at w and λ the damping,
/// so w ← w − η (H + λI)⁻¹ g. torch has no Newton optimizer; the reference is
/// <c>torch.autograd.functional.hessian</c> plus <c>torch.linalg.solve</c>.
/// <para>
/// H is built column by column from the problem's exact Hessian-vector products with unit vectors (the method of
/// <see cref="GradientCheck.DenseHessian"/>, here into buffers allocated once at Init, so a step allocates nothing)
/// and the system is solved by LU with partial pivoting (<see cref="DenseLinearSolver"/>), which also handles
/// indefinite H as torch.linalg.solve does. When H + λI is exactly singular (torch would raise), the step adds
/// more damping instead: λ' = max(10λ, 10⁻¹⁰·(1 + max|Hᵢᵢ|)), growing tenfold until the solve succeeds.
/// A non-finite Hessian gives a NaN step, which the runner reports as divergence.
/// </para>
/// </summary>
internal sealed class ScaleByNewton(double damping) : GradientTransform<ScaleByNewton.NewtonState>
{
    public override bool FoldsLearningRate => true;

    /// <summary>The largest dimension for which Init agrees to hold a dense n×n Hessian.</summary>
    public const int MaxDimension = 2048;

    internal sealed class NewtonState(int n) : TransformState
    {
        public int Dimension { get; } = n;
        public double[] Hessian { get; } = new double[n * n];
        public double[] Factors { get; } = new double[n * n];
        public double[] Solution { get; } = new double[n];
        public double[] Unit { get; } = new double[n];
        public double[] Column { get; } = new double[n];
    }

    public override void Check(IProblem problem)
    {
        if (problem.Dimension > MaxDimension)
            throw new UsageException($"optimizer newton needs the dense n×n Hessian, but problem {problem.Name} has n={problem.Dimension} parameters; valid: n ≤ {MaxDimension}");
    }

    protected override NewtonState CreateState(IProblem problem)
    {
        Check(problem);
        return new NewtonState(problem.Dimension);
    }

    protected override void Update(Span<double> directions, ReadOnlySpan<double> parameters, NewtonState state, double learningRate, IProblem problem)
    {
        int n = state.Dimension;
        var hessian = state.Hessian;
        for (int j = 0; j < n; j++)
        {
            state.Unit[j] = 1;
            problem.HessianVectorProduct(parameters, state.Unit, state.Column);
            state.Unit[j] = 0;
            for (int i = 0; i < n; i++) hessian[i * n + j] = state.Column[i];
        }
        double largestDiagonal = 0;
        for (int i = 0; i < n; i++) largestDiagonal = Math.Max(largestDiagonal, Math.Abs(hessian[i * n + i]));

        double lambda = damping;
        for (int attempt = 0; attempt < 64; attempt++)
        {
            hessian.CopyTo(state.Factors, 0);
            if (lambda != 0)
                for (int i = 0; i < n; i++) state.Factors[i * n + i] += lambda;
            directions.CopyTo(state.Solution);
            if (DenseLinearSolver.TrySolve(state.Factors, state.Solution, n) && AllFinite(state.Solution))
            {
                for (int i = 0; i < n; i++) directions[i] = learningRate * state.Solution[i];
                return;
            }
            if (!double.IsFinite(largestDiagonal)) break;
            lambda = Math.Max(10 * lambda, 1e-10 * (1 + largestDiagonal));
        }
        directions.Fill(double.NaN);
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
            if (!double.IsFinite(v)) return false;
        return true;
    }
}
