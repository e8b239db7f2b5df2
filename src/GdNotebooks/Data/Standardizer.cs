namespace GdNotebooks.Data;

/// <summary>
/// Per-feature standardization x′ = (x − μ) / σ with μ and σ fitted on training data only (σ the population standard
/// deviation, as scikit-learn's StandardScaler). Constant features get σ = 1, so they become 0 rather than NaN.
/// Targets are left alone.
/// </summary>
public sealed class Standardizer
{
    private readonly double[] _means;
    private readonly double[] _scales;

    private Standardizer(double[] means, double[] scales)
    {
        _means = means;
        _scales = scales;
    }

    public IReadOnlyList<double> Means => _means;
    public IReadOnlyList<double> Scales => _scales;

    /// <summary>μⱼ = mean of column j, σⱼ = √(mean of (xᵢⱼ − μⱼ)²), over the rows of <paramref name="train"/>.</summary>
    public static Standardizer Fit(DataSet train)
    {
        int n = train.Rows, d = train.Columns;
        if (n == 0) throw new ArgumentException("cannot fit a standardizer on an empty data set", nameof(train));
        var means = new double[d];
        var scales = new double[d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) means[j] += train.X[i * d + j];
        for (int j = 0; j < d; j++) means[j] /= n;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
            {
                double diff = train.X[i * d + j] - means[j];
                scales[j] += diff * diff;
            }
        for (int j = 0; j < d; j++)
        {
            double sigma = Math.Sqrt(scales[j] / n);
            scales[j] = sigma > 0 ? sigma : 1.0;
        }
        return new Standardizer(means, scales);
    }

    /// <summary>A copy of <paramref name="data"/> with every feature standardized by the fitted μ and σ.</summary>
    public DataSet Apply(DataSet data)
    {
        int d = data.Columns;
        if (d != _means.Length) throw new ArgumentException($"fitted on {_means.Length} features, given {d}", nameof(data));
        var x = new double[data.X.Length];
        for (int i = 0; i < data.Rows; i++)
            for (int j = 0; j < d; j++) x[i * d + j] = (data.X[i * d + j] - _means[j]) / _scales[j];
        return new DataSet(data.Name, data.FeatureNames, x, data.Y, data.ClassCount);
    }
}
