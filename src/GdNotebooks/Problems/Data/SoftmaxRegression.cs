using GdNotebooks.Data;
using GdNotebooks.Specs;

namespace GdNotebooks.Problems.Data;

/// <summary>
/// Multinomial logistic regression: logits z = W x + b for K classes, loss (1/n) Σ [logsumexp(zᵢ) − zᵢ,yᵢ]
/// (PyTorch's cross_entropy). Per example the gradient is g = p − e_y in logit space, so ∇W = g xᵀ and ∇b = g;
/// the Hessian-vector product is, with u = V x + c the logit change along (V, c) and h = (diag(p) − p pᵀ) u,
/// H(V, c) = (1/n) Σ (h xᵀ, h) + λ₂V. Blocks: <c>W</c> (K × features, one row per class) and <c>b</c> (K).
/// Starts at zero. Spec: <c>softmax:data=iris</c> (classification data sets), plus l2, l1, test, seed, standardize.
/// Not thread-safe (scratch buffers are reused between calls).
/// </summary>
public sealed class SoftmaxRegression : DataProblem
{
    private readonly int _features;
    private readonly int _classes;
    private readonly double[] _logits;
    private readonly double[] _probabilities;
    private readonly double[] _logitDirection;
    private readonly double[] _logitCurvature;

    public SoftmaxRegression(DataSet data, DataProblemOptions? options = null) : base(RequireClasses(data), options)
    {
        _features = data.Columns;
        _classes = data.ClassCount;
        _logits = new double[_classes];
        _probabilities = new double[_classes];
        _logitDirection = new double[_classes];
        _logitCurvature = new double[_classes];
        var weights = new ParameterBlock("W", 0, _classes, _features);
        DefineParameters([weights, new ParameterBlock("b", weights.Length, _classes, 1)], [weights]);
        Name = $"softmax:data={data.Name}{Options.SpecSuffix()}";
    }

    public static SoftmaxRegression FromSpec(Spec spec)
    {
        var args = spec.Read("problem softmax");
        var data = args.Identifier("data", "iris");
        var options = DataProblemOptions.Read(args);
        args.Done();
        return new SoftmaxRegression(DataSet.Load(data), options);
    }

    public override string Name { get; }

    public int ClassCount => _classes;

    public override double[] InitialPoint(int seed) => new double[Dimension];

    protected override double DataLoss(ReadOnlySpan<double> w, DataSet data, ReadOnlySpan<int> rows, Span<double> gradient)
    {
        int d = _features, biasOffset = _classes * d;
        bool wantGradient = !gradient.IsEmpty;
        if (wantGradient) gradient.Clear();
        double loss = 0;
        foreach (int row in rows)
        {
            var x = data.Row(row);
            int label = (int)data.Y[row];
            Affine(w, x, _logits);
            loss += SoftmaxCrossEntropy.LossAndProbabilities(_logits, label, _probabilities);
            if (!wantGradient) continue;
            for (int k = 0; k < _classes; k++)
            {
                double g = _probabilities[k] - (k == label ? 1 : 0);
                var gradientRow = gradient.Slice(k * d, d);
                for (int j = 0; j < d; j++) gradientRow[j] += g * x[j];
                gradient[biasOffset + k] += g;
            }
        }
        double scale = 1.0 / rows.Length;
        if (wantGradient) for (int i = 0; i < gradient.Length; i++) gradient[i] *= scale;
        return loss * scale;
    }

    protected override void DataHessianVectorProduct(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> result)
    {
        int d = _features, biasOffset = _classes * d;
        result.Clear();
        for (int row = 0; row < Train.Rows; row++)
        {
            var x = Train.Row(row);
            Affine(w, x, _logits);
            SoftmaxCrossEntropy.LossAndProbabilities(_logits, (int)Train.Y[row], _probabilities);
            Affine(v, x, _logitDirection);
            SoftmaxCrossEntropy.HessianTimes(_probabilities, _logitDirection, _logitCurvature);
            for (int k = 0; k < _classes; k++)
            {
                double h = _logitCurvature[k];
                var resultRow = result.Slice(k * d, d);
                for (int j = 0; j < d; j++) resultRow[j] += h * x[j];
                result[biasOffset + k] += h;
            }
        }
        double scale = 1.0 / Train.Rows;
        for (int i = 0; i < result.Length; i++) result[i] *= scale;
    }

    protected override int Predict(ReadOnlySpan<double> w, DataSet data, int row)
    {
        Affine(w, data.Row(row), _logits);
        int best = 0;
        for (int k = 1; k < _classes; k++) if (_logits[k] > _logits[best]) best = k;
        return best;
    }

    /// <summary>output = W x + b, reading W and b from a parameter-shaped vector (parameters or a direction).</summary>
    private void Affine(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, Span<double> output)
    {
        int d = _features, biasOffset = _classes * d;
        for (int k = 0; k < _classes; k++)
        {
            var weightRow = parameters.Slice(k * d, d);
            double z = parameters[biasOffset + k];
            for (int j = 0; j < d; j++) z += weightRow[j] * x[j];
            output[k] = z;
        }
    }

    private static DataSet RequireClasses(DataSet data) => !data.IsClassification
        ? throw new UsageException($"softmax needs a classification data set, but '{data.Name}' is a regression data set; " +
                                   $"valid data sets: {string.Join(", ", DataSet.NamesWhere(k => k > 0))}")
        : data;
}
