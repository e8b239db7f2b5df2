using GdNotebooks.Data;
using GdNotebooks.Specs;

namespace GdNotebooks.Problems.Data;

/// <summary>
/// Binary logistic regression on logits z = w·x + b with labels y ∈ {0, 1}: loss (1/n) Σ [log(1 + eᶻ) − y z]
/// (PyTorch's BCEWithLogitsLoss), computed stably as max(z, 0) − y z + log1p(e^{−|z|}).
/// Gradient (1/n) Σ (σ(zᵢ) − yᵢ) [xᵢ; 1]; Hessian (1/n) Σ σ(zᵢ)(1 − σ(zᵢ)) [xᵢ; 1][xᵢ; 1]ᵀ + λ₂ on w.
/// Blocks: <c>w</c> (1 × features) and <c>b</c> (1 × 1). Starts at zero. Predicts class 1 when z &gt; 0.
/// Spec: <c>logreg:data=breast_cancer</c> (two-class data sets only), plus l2, l1, test, seed, standardize.
/// Not thread-safe.
/// </summary>
public sealed class LogisticRegression : DataProblem
{
    private readonly int _features;

    public LogisticRegression(DataSet data, DataProblemOptions? options = null) : base(RequireTwoClasses(data), options)
    {
        _features = data.Columns;
        var weights = new ParameterBlock("w", 0, 1, _features);
        DefineParameters([weights, new ParameterBlock("b", _features, 1, 1)], [weights]);
        Name = $"logreg:data={data.Name}{Options.SpecSuffix()}";
    }

    public static LogisticRegression FromSpec(Spec spec)
    {
        var args = spec.Read("problem logreg");
        var data = args.Identifier("data", "breast_cancer");
        var options = DataProblemOptions.Read(args);
        args.Done();
        return new LogisticRegression(DataSet.Load(data), options);
    }

    public override string Name { get; }

    public override double[] InitialPoint(int seed) => new double[Dimension];

    /// <summary>σ(z) = 1/(1 + e^{−z}), evaluated so that e^{|z|} never overflows.</summary>
    internal static double Sigmoid(double z)
    {
        if (z >= 0) return 1.0 / (1.0 + Math.Exp(-z));
        double e = Math.Exp(z);
        return e / (1.0 + e);
    }

    protected override double DataLoss(ReadOnlySpan<double> w, DataSet data, ReadOnlySpan<int> rows, Span<double> gradient)
    {
        int d = _features;
        bool wantGradient = !gradient.IsEmpty;
        if (wantGradient) gradient.Clear();
        double loss = 0;
        foreach (int row in rows)
        {
            double z = Logit(w, data.Row(row)), y = data.Y[row];
            loss += Math.Max(z, 0) - y * z + Math.Log(1 + Math.Exp(-Math.Abs(z)));
            if (!wantGradient) continue;
            double dz = Sigmoid(z) - y;
            var x = data.Row(row);
            for (int j = 0; j < d; j++) gradient[j] += dz * x[j];
            gradient[d] += dz;
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
            double p = Sigmoid(Logit(w, x));
            double s = v[d];                                   // [x; 1]·v
            for (int j = 0; j < d; j++) s += v[j] * x[j];
            double weight = p * (1 - p) * s;
            for (int j = 0; j < d; j++) result[j] += weight * x[j];
            result[d] += weight;
        }
        double scale = 1.0 / Train.Rows;
        for (int i = 0; i < result.Length; i++) result[i] *= scale;
    }

    protected override int Predict(ReadOnlySpan<double> w, DataSet data, int row) => Logit(w, data.Row(row)) > 0 ? 1 : 0;

    private double Logit(ReadOnlySpan<double> w, ReadOnlySpan<double> x)
    {
        double z = w[_features];
        for (int j = 0; j < _features; j++) z += w[j] * x[j];
        return z;
    }

    private static DataSet RequireTwoClasses(DataSet data) => data.ClassCount != 2
        ? throw new UsageException($"logreg needs a two-class data set, but '{data.Name}' " +
                                   (data.IsClassification ? $"has {data.ClassCount} classes" : "is a regression data set") +
                                   $"; valid data sets: {string.Join(", ", DataSet.NamesWhere(k => k == 2))} (softmax takes more classes)")
        : data;
}
