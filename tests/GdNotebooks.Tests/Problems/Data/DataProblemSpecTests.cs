using GdNotebooks.Problems.Data;
using GdNotebooks.Specs;

namespace GdNotebooks.Tests.Problems.Data;

public class DataProblemSpecTests
{
    [Fact]
    public void Defaults_and_canonical_names()
    {
        var linreg = LinearRegression.FromSpec(Spec.Parse("linreg"));
        Assert.Equal("linreg:data=house_prices", linreg.Name);
        Assert.Equal(2, linreg.Dimension);
        Assert.Equal(["w", "b"], linreg.ParameterNames);
        Assert.Equal(80, linreg.TrainCount);
        Assert.Equal(20, linreg.TestCount);
        Assert.Null(linreg.Accuracy(linreg.InitialPoint(0), test: true));

        Assert.Equal("logreg:data=breast_cancer", LogisticRegression.FromSpec(Spec.Parse("logreg")).Name);
        var softmax = SoftmaxRegression.FromSpec(Spec.Parse("softmax"));
        Assert.Equal("softmax:data=iris", softmax.Name);
        Assert.Equal(15, softmax.Dimension);

        var mlp = Mlp.FromSpec(Spec.Parse("mlp"));
        Assert.Equal("mlp:data=digits,hidden=[64],act=relu,init=he", mlp.Name);
        Assert.Equal(64 * 64 + 64 + 64 * 10 + 10, mlp.Dimension);
        Assert.Equal("W1[0,0]", mlp.ParameterNames[0]);
        Assert.Equal(new ParameterBlockShape(64, 64), Shape(mlp, "W1"));
        Assert.Equal(new ParameterBlockShape(10, 64), Shape(mlp, "W2"));
        Assert.Equal(new ParameterBlockShape(10, 1), Shape(mlp, "b2"));
    }

    [Theory]
    [InlineData("mlp:data=iris,hidden=[8,4],act=gelu,init=xavier,l2=0.001,l1=0.0001,test=0.3,seed=5,standardize=false")]
    [InlineData("softmax:data=wine,l2=0.01")]
    [InlineData("logreg:data=breast_cancer,test=0")]
    [InlineData("linreg:data=diabetes,seed=3")]
    public void Canonical_names_round_trip(string spec)
    {
        var problem = Parse(spec);
        Assert.Equal(spec, problem.Name);
        Assert.Equal(problem.Name, Parse(problem.Name).Name);
    }

    [Fact]
    public void Options_reach_the_problem()
    {
        var mlp = Mlp.FromSpec(Spec.Parse("mlp:data=iris,hidden=[3],test=0.5,seed=2,standardize=false,l2=0.5"));
        Assert.Equal(75, mlp.TrainCount);
        Assert.Equal(75, mlp.TestCount);
        Assert.True(IsRowOf("iris", mlp.Train.Row(0).ToArray()), "standardize=false keeps raw rows");
        Assert.Equal(0.5, mlp.Options.L2);
        Assert.Equal(Activation.Relu, mlp.Activation);
        Assert.Equal(WeightInit.He, mlp.Init);
    }

    [Theory]
    [InlineData("mlp:data=mnist", "mnist", "digits")]
    [InlineData("softmax:data=cifar", "cifar", "iris")]
    [InlineData("mlp:data=iris,act=swish", "swish", "gelu")]
    [InlineData("mlp:data=iris,init=lecun", "lecun", "xavier")]
    [InlineData("mlp:data=iris,hidden=[0]", "hidden", "≥ 1")]
    [InlineData("mlp:data=iris,hidden=[4,-2]", "hidden", "≥ 1")]
    [InlineData("mlp:data=iris,test=1.5", "test=1.5", "< 1")]
    [InlineData("linreg:test=-0.1", "test", "≥ 0")]
    [InlineData("logreg:l2=-1", "l2", "≥ 0")]
    [InlineData("mlp:data=iris,dropout=0.5", "dropout", "hidden")]
    [InlineData("linreg:momentum=1", "momentum", "standardize")]
    [InlineData("linreg:data=iris", "iris", "house_prices")]
    [InlineData("logreg:data=iris", "iris", "breast_cancer")]
    [InlineData("softmax:data=diabetes", "diabetes", "digits")]
    [InlineData("mlp:data=iris,standardize=maybe", "standardize", "true or false")]
    public void Bad_specs_name_the_bad_part_and_the_valid_choices(string spec, string badPart, string validHint)
    {
        var error = Assert.Throws<UsageException>(() => Parse(spec));
        Assert.Contains(badPart, error.Message);
        Assert.Contains(validHint, error.Message);
    }

    [Fact]
    public void Initial_points_are_seeded_and_scaled_by_the_init()
    {
        var he = Mlp.FromSpec(Spec.Parse("mlp:data=digits,hidden=[32],init=he"));
        Assert.Equal(he.InitialPoint(3), he.InitialPoint(3));
        Assert.NotEqual(he.InitialPoint(3), he.InitialPoint(4));
        var w1 = Block(he, "W1", he.InitialPoint(1));
        double std = Math.Sqrt(w1.Select(x => x * x).Average());
        Assert.InRange(std, 0.9 * Math.Sqrt(2.0 / 64), 1.1 * Math.Sqrt(2.0 / 64));
        Assert.All(Block(he, "b1", he.InitialPoint(1)), b => Assert.Equal(0, b));

        var xavier = Mlp.FromSpec(Spec.Parse("mlp:data=digits,hidden=[32],init=xavier"));
        std = Math.Sqrt(Block(xavier, "W1", xavier.InitialPoint(1)).Select(x => x * x).Average());
        Assert.InRange(std, 0.9 * Math.Sqrt(2.0 / 96), 1.1 * Math.Sqrt(2.0 / 96));

        var normal = Mlp.FromSpec(Spec.Parse("mlp:data=digits,hidden=[32],init=normal"));
        std = Math.Sqrt(Block(normal, "W1", normal.InitialPoint(1)).Select(x => x * x).Average());
        Assert.InRange(std, 0.009, 0.011);
    }

    [Fact]
    public void Gradient_descent_learns_iris_and_losses_stay_finite_for_huge_logits()
    {
        var problem = SoftmaxRegression.FromSpec(Spec.Parse("softmax:data=iris"));
        var w = problem.InitialPoint(0);
        var g = new double[problem.Dimension];
        double first = problem.LossAndGradient(w, g);
        Assert.Equal(Math.Log(3), first, 12);
        for (int step = 0; step < 200; step++)
        {
            problem.LossAndGradient(w, g);
            for (int i = 0; i < w.Length; i++) w[i] -= 0.5 * g[i];
        }
        Assert.True(problem.Loss(w) < 0.2);
        Assert.True(problem.Accuracy(w, test: false) > 0.9);
        Assert.True(problem.Accuracy(w, test: true) > 0.85);
        Assert.True(problem.TestLoss(w) < 0.4);

        var huge = w.Select(x => x * 1e4).ToArray();
        Assert.True(double.IsFinite(problem.Loss(huge)));
        var logreg = LogisticRegression.FromSpec(Spec.Parse("logreg"));
        var big = Enumerable.Repeat(1e3, logreg.Dimension).ToArray();
        Assert.True(double.IsFinite(logreg.LossAndGradient(big, new double[logreg.Dimension])));
        Assert.True(double.IsFinite(logreg.TestLoss(big)));
    }

    private static GdNotebooks.Problems.IDataProblem Parse(string text)
    {
        var spec = Spec.Parse(text);
        return spec.Name switch
        {
            "linreg" => LinearRegression.FromSpec(spec),
            "logreg" => LogisticRegression.FromSpec(spec),
            "softmax" => SoftmaxRegression.FromSpec(spec),
            "mlp" => Mlp.FromSpec(spec),
            _ => throw new ArgumentException(text),
        };
    }

    private sealed record ParameterBlockShape(int Rows, int Columns);

    private static ParameterBlockShape Shape(DataProblem problem, string block)
    {
        var b = problem.Blocks.Single(x => x.Name == block);
        return new(b.Rows, b.Columns);
    }

    private static double[] Block(DataProblem problem, string block, double[] w)
    {
        var b = problem.Blocks.Single(x => x.Name == block);
        return w.AsSpan(b.Offset, b.Length).ToArray();
    }

    private static bool IsRowOf(string name, double[] row)
    {
        var data = GdNotebooks.Data.DataSet.Load(name);
        return Enumerable.Range(0, data.Rows).Any(i => data.Row(i).SequenceEqual(row));
    }
}
