using GdNotebooks.Data;
using GdNotebooks.Specs;

namespace GdNotebooks.Problems.Data;

/// <summary>
/// Least squares: prediction ŷ = w·x + b, loss (1/n) Σ (ŷᵢ − yᵢ)² (mean squared error, as PyTorch's MSELoss),
/// plus penalties on w. Gradient (2/n) Σ rᵢ [xᵢ; 1] with rᵢ = ŷᵢ − yᵢ; Hessian (2/n) Σ [xᵢ; 1][xᵢ; 1]ᵀ + λ₂ on w,
/// constant in the parameters. Spec: <c>linreg:data=house_prices</c> (regression data sets only), plus l2, l1,
/// test, seed, standardize.
/// </summary>
public sealed class LinearRegression : LinearModel
{
    public LinearRegression(DataSet data, DataProblemOptions? options = null) : base(RequireRegression(data), options, "linreg")
    {
    }

    public static LinearRegression FromSpec(Spec spec)
    {
        var args = spec.Read("problem linreg");
        var data = args.Identifier("data", "house_prices");
        var options = DataProblemOptions.Read(args);
        args.Done();
        return new LinearRegression(DataSet.Load(data), options);
    }

    protected override double ExampleLoss(double z, double y) => (z - y) * (z - y);

    protected override double Slope(double z, double y) => 2 * (z - y);

    protected override double Curvature(double z) => 2;

    protected override int Predict(ReadOnlySpan<double> w, DataSet data, int row) =>
        throw new InvalidOperationException("linear regression has no classes");

    private static DataSet RequireRegression(DataSet data) => data.IsClassification
        ? throw new UsageException($"linreg needs a regression data set, but '{data.Name}' has {data.ClassCount} classes; " +
                                   $"valid data sets: {string.Join(", ", DataSet.NamesWhere(k => k == 0))}")
        : data;
}
