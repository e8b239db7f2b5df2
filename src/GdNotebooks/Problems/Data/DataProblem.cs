using GdNotebooks.Data;

namespace GdNotebooks.Problems.Data;

/// <summary>
/// What the data problems share: the seeded train/test split, standardization fitted on the training split, penalties
/// on weight matrices, mean-over-examples losses on full batches and mini-batches, test loss and accuracy.
/// f(w) = (1/|B|) Σ_{i∈B} ℓ(w; xᵢ, yᵢ) + ½λ₂‖W‖² + λ₁Σ|Wᵢⱼ|, with B the whole training split unless a batch is given.
/// Subclasses supply the per-example model through <see cref="DataLoss"/>, <see cref="DataHessianVectorProduct"/>
/// and <see cref="Predict"/>. Instances hold scratch buffers and are not thread-safe.
/// </summary>
public abstract class DataProblem : IDataProblem
{
    private readonly int[] _allTrainRows;
    private readonly int[] _allTestRows;
    private (int Offset, int Length)[] _penalized = [];

    protected DataProblem(DataSet data, DataProblemOptions? options)
    {
        Options = options ?? DataProblemOptions.Default;
        var split = data.Split(Options.TestFraction, Options.Seed);
        if (Options.Standardize)
        {
            var scaler = Standardizer.Fit(split.Train);
            Train = scaler.Apply(split.Train);
            Test = scaler.Apply(split.Test);
        }
        else
        {
            Train = split.Train;
            Test = split.Test;
        }
        _allTrainRows = Enumerable.Range(0, Train.Rows).ToArray();
        _allTestRows = Enumerable.Range(0, Test.Rows).ToArray();
    }

    public abstract string Name { get; }
    public int Dimension { get; private set; }
    public IReadOnlyList<string> ParameterNames { get; private set; } = [];
    public IReadOnlyList<ParameterBlock> Blocks { get; private set; } = [];

    public DataProblemOptions Options { get; }

    /// <summary>The training split (standardized when <see cref="DataProblemOptions.Standardize"/>).</summary>
    public DataSet Train { get; }

    /// <summary>The held-out split, transformed with the training split's statistics.</summary>
    public DataSet Test { get; }

    string IDataProblem.DataSet => Train.Name;
    public int TrainCount => Train.Rows;
    public int TestCount => Test.Rows;

    public abstract double[] InitialPoint(int seed);

    public double Loss(ReadOnlySpan<double> parameters)
    {
        CheckLength(parameters);
        return DataLoss(parameters, Train, _allTrainRows, Span<double>.Empty) + Penalty(parameters, Span<double>.Empty);
    }

    public double LossAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient) =>
        LossAndGradient(parameters, _allTrainRows, gradient);

    public double LossAndGradient(ReadOnlySpan<double> parameters, ReadOnlySpan<int> batch, Span<double> gradient)
    {
        CheckLength(parameters);
        CheckLength(gradient);
        if (batch.IsEmpty) throw new ArgumentException("a mini-batch needs at least one example", nameof(batch));
        return DataLoss(parameters, Train, batch, gradient) + Penalty(parameters, gradient);
    }

    /// <summary>Mean loss on the held-out split without penalties; NaN when test=0 left it empty.</summary>
    public double TestLoss(ReadOnlySpan<double> parameters)
    {
        CheckLength(parameters);
        return Test.Rows == 0 ? double.NaN : DataLoss(parameters, Test, _allTestRows, Span<double>.Empty);
    }

    public double? Accuracy(ReadOnlySpan<double> parameters, bool test)
    {
        CheckLength(parameters);
        var data = test ? Test : Train;
        if (!data.IsClassification || data.Rows == 0) return null;
        int correct = 0;
        for (int i = 0; i < data.Rows; i++)
            if (Predict(parameters, data, i) == (int)data.Y[i]) correct++;
        return (double)correct / data.Rows;
    }

    /// <summary>
    /// Exact H·v on the whole training split: the data term's Hessian plus λ₂ on weight entries.
    /// The L1 term is piecewise linear and adds nothing (its Hessian is 0 wherever it is differentiable).
    /// </summary>
    public void HessianVectorProduct(ReadOnlySpan<double> parameters, ReadOnlySpan<double> vector, Span<double> result)
    {
        CheckLength(parameters);
        CheckLength(vector);
        CheckLength(result);
        DataHessianVectorProduct(parameters, vector, result);
        if (Options.L2 == 0) return;
        foreach (var (offset, length) in _penalized)
            for (int i = offset; i < offset + length; i++) result[i] += Options.L2 * vector[i];
    }

    /// <summary>
    /// Mean loss (1/|rows|) Σ ℓ over the given rows of <paramref name="data"/>. When <paramref name="gradient"/> is not
    /// empty, overwrites it with the gradient of that mean.
    /// </summary>
    protected abstract double DataLoss(ReadOnlySpan<double> w, DataSet data, ReadOnlySpan<int> rows, Span<double> gradient);

    /// <summary>Overwrites <paramref name="result"/> with the data term's Hessian (mean over the training split) times v.</summary>
    protected abstract void DataHessianVectorProduct(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> result);

    /// <summary>The predicted class of one example (classification only).</summary>
    protected abstract int Predict(ReadOnlySpan<double> w, DataSet data, int row);

    /// <summary>Fixes the parameter layout; called once by each subclass constructor. Penalties act on <paramref name="penalized"/>.</summary>
    protected void DefineParameters(IReadOnlyList<ParameterBlock> blocks, IEnumerable<ParameterBlock> penalized)
    {
        Blocks = blocks;
        Dimension = blocks.Sum(b => b.Length);
        ParameterNames = blocks.SelectMany(EntryNames).ToArray();
        _penalized = penalized.Select(b => (b.Offset, b.Length)).ToArray();
    }

    /// <summary>A scalar block is its name, a vector "b[i]" or "w[j]", a matrix "W[i,j]".</summary>
    private static IEnumerable<string> EntryNames(ParameterBlock block)
    {
        for (int i = 0; i < block.Rows; i++)
            for (int j = 0; j < block.Columns; j++)
                yield return (block.Rows, block.Columns) switch
                {
                    (1, 1) => block.Name,
                    (_, 1) => $"{block.Name}[{i}]",
                    (1, _) => $"{block.Name}[{j}]",
                    _ => $"{block.Name}[{i},{j}]",
                };
    }

    /// <summary>Adds ½λ₂w² + λ₁|w| over weight entries to the loss, and λ₂w + λ₁sign(w) to a non-empty gradient.</summary>
    private double Penalty(ReadOnlySpan<double> w, Span<double> gradient)
    {
        double l2 = Options.L2, l1 = Options.L1;
        if (l2 == 0 && l1 == 0) return 0;
        double sumSquares = 0, sumAbs = 0;
        foreach (var (offset, length) in _penalized)
            for (int i = offset; i < offset + length; i++)
            {
                sumSquares += w[i] * w[i];
                sumAbs += Math.Abs(w[i]);
                if (!gradient.IsEmpty) gradient[i] += l2 * w[i] + l1 * Math.Sign(w[i]);
            }
        return 0.5 * l2 * sumSquares + l1 * sumAbs;
    }

    private void CheckLength(ReadOnlySpan<double> span)
    {
        if (span.Length != Dimension)
            throw new ArgumentException($"{Name} has {Dimension} parameters, given a vector of {span.Length}");
    }
}
