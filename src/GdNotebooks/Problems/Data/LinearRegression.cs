using GdNotebooks.Data;
using GdNotebooks.Specs;

namespace GdNotebooks.Problems.Data;

/// <summary>
/// Least squares: prediction ŷ = w·x + b, loss (1/n) Σ (ŷᵢ − yᵢ)² (mean squared error, as PyTorch's MSELoss),
/// plus penalties on w. Gradient (2/n) Σ rᵢ [xᵢ; 1] with rᵢ = ŷᵢ − yᵢ; Hessian (2/n) Σ [xᵢ; 1][xᵢ; 1]ᵀ + λ₂ on w,
/// constant in the parameters. Blocks: <c>w</c> (1 × features) and <c>b</c> (1 × 1). Starts at zero.
/// Spec: <c>linreg:data=house_prices</c> (regression data sets only), plus l2, l1, test, seed, standardize.
/// Not thread-safe.
/// </summary>
public sealed class LinearRegression : DataProblem
{
    private readonly int _features;

    public LinearRegression(DataSet data, DataProblemOptions? options = null) : base(RequireRegression(data), options)
    {
        _features = data.Columns;
        var weights = new ParameterBlock("w", 0, 1, _features);
        DefineParameters([weights, new ParameterBlock("b", _features, 1, 1)], [weights]);
        Name = $"linreg:data={data.Name}{Options.SpecSuffix()}";
    }

    public static LinearRegression FromSpec(Spec spec)
    {
        var args = spec.Read("problem linreg");
        var data = args.Identifier("data", "house_prices");
        var options = DataProblemOptions.Read(args);
        args.Done();
        return new LinearRegression(DataSet.Load(data), options);
    }

    public override string Name { get; }

    public override double[] InitialPoint(int seed) => new double[Dimension];

    protected override double DataLoss(ReadOnlySpan<double> w, DataSet data, ReadOnlySpan<int> rows, Span<double> gradient)
    {
        int d = _features;
        bool wantGradient = !gradient.IsEmpty;
        if (wantGradient) gradient.Clear();
        double loss = 0;
        foreach (int row in rows)
        {
            var x = data.Row(row);
            double residual = w[d] - data.Y[row];
            for (int j = 0; j < d; j++) residual += w[j] * x[j];
            loss += residual * residual;
            if (!wantGradient) continue;
            for (int j = 0; j < d; j++) gradient[j] += 2 * residual * x[j];
            gradient[d] += 2 * residual;
        }
        double scale = 1.0 / rows.Length;
        if (wantGradient) for (int i = 0; i < gradient.Length; i++) gradient[i] *= scale;
        return loss * scale;
    }

    protected override void DataHessianVectorProduct(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> result)
    {
        int d = _features;
        result.Clear();
        for (int row = 0; row < Train.Rows; row++)
        {
            var x = Train.Row(row);
            double s = v[d];                                   // [x; 1]·v
            for (int j = 0; j < d; j++) s += v[j] * x[j];
            for (int j = 0; j < d; j++) result[j] += 2 * s * x[j];
            result[d] += 2 * s;
        }
        double scale = 1.0 / Train.Rows;
        for (int i = 0; i < result.Length; i++) result[i] *= scale;
    }

    protected override int Predict(ReadOnlySpan<double> w, DataSet data, int row) =>
        throw new InvalidOperationException("linear regression has no classes");

    private static DataSet RequireRegression(DataSet data) => data.IsClassification
        ? throw new UsageException($"linreg needs a regression data set, but '{data.Name}' has {data.ClassCount} classes; " +
                                   $"valid data sets: {string.Join(", ", DataSet.NamesWhere(k => k == 0))}")
        : data;
}
