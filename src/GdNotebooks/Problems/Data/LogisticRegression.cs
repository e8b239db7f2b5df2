using GdNotebooks.Data;
using GdNotebooks.Numerics;
using GdNotebooks.Specs;

namespace GdNotebooks.Problems.Data;

/// <summary>
/// Binary logistic regression on logits z = w·x + b with labels y ∈ {0, 1}: loss (1/n) Σ [log(1 + eᶻ) − y z]
/// (PyTorch's BCEWithLogitsLoss), computed stably as max(z, 0) − y z + log1p(e^{−|z|}).
/// Gradient (1/n) Σ (σ(zᵢ) − yᵢ) [xᵢ; 1]; Hessian (1/n) Σ σ(zᵢ)(1 − σ(zᵢ)) [xᵢ; 1][xᵢ; 1]ᵀ + λ₂ on w.
/// Predicts class 1 when z &gt; 0. Spec: <c>logreg:data=breast_cancer</c> (two-class data sets only), plus l2, l1,
/// test, seed, standardize.
/// </summary>
public sealed class LogisticRegression : LinearModel
{
    public LogisticRegression(DataSet data, DataProblemOptions? options = null) : base(RequireTwoClasses(data), options, "logreg")
    {
    }

    public static LogisticRegression FromSpec(Spec spec)
    {
        var args = spec.Read("problem logreg");
        var data = args.Identifier("data", "breast_cancer");
        var options = DataProblemOptions.Read(args);
        args.Done();
        return new LogisticRegression(DataSet.Load(data), options);
    }

    protected override double ExampleLoss(double z, double y) => Math.Max(z, 0) - y * z + Math.Log(1 + Math.Exp(-Math.Abs(z)));

    protected override double Slope(double z, double y) => SpecialFunctions.Sigmoid(z) - y;

    protected override double Curvature(double z)
    {
        double p = SpecialFunctions.Sigmoid(z);
        return p * (1 - p);
    }

    protected override int Predict(ReadOnlySpan<double> w, DataSet data, int row) => Output(w, data.Row(row)) > 0 ? 1 : 0;

    private static DataSet RequireTwoClasses(DataSet data) => data.ClassCount != 2
        ? throw new UsageException($"logreg needs a two-class data set, but '{data.Name}' " +
                                   (data.IsClassification ? $"has {data.ClassCount} classes" : "is a regression data set") +
                                   $"; valid data sets: {string.Join(", ", DataSet.NamesWhere(k => k == 2))} (softmax takes more classes)")
        : data;
}
