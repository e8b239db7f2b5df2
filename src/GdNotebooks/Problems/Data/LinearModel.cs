using GdNotebooks.Data;

namespace GdNotebooks.Problems.Data;

/// <summary>
/// A linear model z = w·x + b with a loss ℓ(z, y) per example, averaged over the rows. Everything else follows from ℓ
/// and its first two derivatives in z: the gradient (1/n) Σ ℓ′(zᵢ) [xᵢ; 1] and the Hessian (1/n) Σ ℓ″(zᵢ) [xᵢ; 1][xᵢ; 1]ᵀ
/// (plus the penalties on w). Blocks: <c>w</c> (1 × features) and <c>b</c> (1 × 1). Starts at zero. Not thread-safe.
/// </summary>
public abstract class LinearModel : DataProblem
{
    private readonly int _features;

    protected LinearModel(DataSet data, DataProblemOptions? options, string kind) : base(data, options)
    {
        _features = data.Columns;
        var weights = new ParameterBlock("w", 0, 1, _features);
        DefineParameters([weights, new ParameterBlock("b", _features, 1, 1)], [weights]);
        Name = $"{kind}:data={data.Name}{Options.SpecSuffix()}";
    }

    public override string Name { get; }

    public override double[] InitialPoint(int seed) => new double[Dimension];

    /// <summary>ℓ(z, y).</summary>
    protected abstract double ExampleLoss(double z, double y);

    /// <summary>ℓ′(z): ∂ℓ/∂z at label <paramref name="y"/>.</summary>
    protected abstract double Slope(double z, double y);

    /// <summary>ℓ″(z): the weight of an example in the Hessian.</summary>
    protected abstract double Curvature(double z);

    /// <summary>z = w·x + b for one example.</summary>
    protected double Output(ReadOnlySpan<double> w, ReadOnlySpan<double> x)
    {
        double z = w[_features];
        for (int j = 0; j < _features; j++) z += w[j] * x[j];
        return z;
    }

    protected sealed override double DataLoss(ReadOnlySpan<double> w, DataSet data, ReadOnlySpan<int> rows, Span<double> gradient)
    {
        int d = _features;
        bool wantGradient = !gradient.IsEmpty;
        if (wantGradient) gradient.Clear();
        double loss = 0;
        foreach (int row in rows)
        {
            var x = data.Row(row);
            double z = Output(w, x), y = data.Y[row];
            loss += ExampleLoss(z, y);
            if (!wantGradient) continue;
            double slope = Slope(z, y);
            for (int j = 0; j < d; j++) gradient[j] += slope * x[j];
            gradient[d] += slope;
        }
        double scale = 1.0 / rows.Length;
        if (wantGradient) for (int i = 0; i < gradient.Length; i++) gradient[i] *= scale;
        return loss * scale;
    }

    protected sealed override void DataHessianVectorProduct(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> result)
    {
        int d = _features;
        result.Clear();
        for (int row = 0; row < Train.Rows; row++)
        {
            var x = Train.Row(row);
            double s = v[d];                                   // [x; 1]·v
            for (int j = 0; j < d; j++) s += v[j] * x[j];
            double weight = Curvature(Output(w, x)) * s;
            for (int j = 0; j < d; j++) result[j] += weight * x[j];
            result[d] += weight;
        }
        double scale = 1.0 / Train.Rows;
        for (int i = 0; i < result.Length; i++) result[i] *= scale;
    }
}
