using GdNotebooks.Problems;
using GdNotebooks.Problems.Analytic;
using GdNotebooks.Problems.Formulas;
using GdNotebooks.Specs;

namespace GdNotebooks.Tests.Problems;

public class AnalyticProblemTests
{
    private static readonly Dictionary<string, Func<IProblem>> Make = new()
    {
        ["beale"] = () => new Beale(),
        ["himmelblau"] = () => new Himmelblau(),
        ["saddle"] = () => new Saddle(),
        ["rosenbrock"] = () => new Rosenbrock(),
        ["quadratic"] = () => new Quadratic([1, 10], [3, -1]),
    };

    /// <summary>The same functions typed as formulas: an independent, autodiff-derived oracle.</summary>
    public static TheoryData<string, string> AsFormulas => new()
    {
        { "beale", "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2" },
        { "himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2" },
        { "saddle", "x^2 - y^2" },
        { "rosenbrock", "(1 - x)^2 + 100*(y - x^2)^2" },
    };

    public static TheoryData<string, double, double> ProblemsAtPoints()
    {
        var data = new TheoryData<string, double, double>();
        (double, double)[] points = [(0.9, 1.3), (-1.5, 2), (0.3, -0.7), (2.5, 0.4), (-3.2, -1.9), (3.1, 0.55)];
        foreach (var name in Make.Keys)
            foreach (var (x, y) in points)
                data.Add(name, x, y);
        return data;
    }

    [Theory]
    [MemberData(nameof(ProblemsAtPoints))]
    public void Gradient_matches_central_differences(string name, double x, double y) =>
        DerivativeAssert.GradientMatchesFiniteDifferences(Make[name](), [x, y]);

    [Theory]
    [MemberData(nameof(ProblemsAtPoints))]
    public void Hessian_vector_product_matches_central_differences(string name, double x, double y)
    {
        var problem = Make[name]();
        DerivativeAssert.HessianVectorProductMatchesFiniteDifferences(problem, [x, y], [0.6, -0.8]);
        DerivativeAssert.HessianVectorProductMatchesFiniteDifferences(problem, [x, y], [1, 0]);
        DerivativeAssert.HessianIsSymmetric(problem, [x, y]);
    }

    [Theory]
    [MemberData(nameof(AsFormulas))]
    public void Hand_written_derivatives_equal_autodiff_of_the_same_formula(string name, string formula)
    {
        var analytic = Make[name]();
        var typed = FormulaProblem.Parse(formula);
        Assert.Equal(analytic.ParameterNames, typed.ParameterNames);
        foreach (double[] point in new[] { new[] { 1.0, 1.0 }, [-1.5, 2], [0.3, -0.7], [2.5, 0.4] })
        {
            Assert.Equal(analytic.Loss(point), typed.Loss(point), 1e-12 * Math.Max(1, Math.Abs(analytic.Loss(point))));
            var g1 = new double[2];
            var g2 = new double[2];
            analytic.LossAndGradient(point, g1);
            typed.LossAndGradient(point, g2);
            Assert.True(GradientCheck.RelativeError(g1, g2) < 1e-12, $"{name} gradient at ({point[0]}, {point[1]})");
            DerivativeAssert.HessianEquals(GradientCheck.DenseHessian(analytic, point), GradientCheck.DenseHessian(typed, point), 1e-11);
        }
    }

    [Fact]
    public void Beale_has_its_minimum_zero_at_3_and_a_half()
    {
        var beale = new Beale();
        var gradient = new double[2];
        Assert.Equal(0, beale.LossAndGradient([3, 0.5], gradient));
        Assert.Equal([0.0, 0.0], gradient);
        Assert.Equal(14.203125, beale.Loss(beale.InitialPoint(0)));
        var hessian = DerivativeAssert.HessianIsSymmetric(beale, [3, 0.5]);
        Assert.True(hessian[0, 0] > 0 && hessian[0, 0] * hessian[1, 1] - hessian[0, 1] * hessian[1, 0] > 0, "minimum: Hessian positive definite");
    }

    [Fact]
    public void Himmelblau_is_zero_at_its_four_minima()
    {
        var himmelblau = new Himmelblau();
        var gradient = new double[2];
        Assert.Equal(4, Himmelblau.Minima.Count);
        foreach (var (x, y) in Himmelblau.Minima)
        {
            Assert.True(himmelblau.LossAndGradient([x, y], gradient) < 1e-24, $"f({x}, {y})");
            Assert.True(Math.Abs(gradient[0]) + Math.Abs(gradient[1]) < 1e-11, $"∇f({x}, {y})");
        }
        Assert.Equal(0, himmelblau.Loss([3, 2]));
    }

    [Fact]
    public void Gradient_descent_on_Himmelblau_from_its_start_reaches_3_2()
    {
        var problem = new Himmelblau();
        var w = problem.InitialPoint(0);
        var gradient = new double[2];
        for (int step = 0; step < 2000; step++)
        {
            problem.LossAndGradient(w, gradient);
            w[0] -= 0.01 * gradient[0];
            w[1] -= 0.01 * gradient[1];
        }
        Assert.Equal(3, w[0], 1e-9);
        Assert.Equal(2, w[1], 1e-9);
    }

    [Fact]
    public void Saddle_Hessian_is_diag_2_minus_2_everywhere()
    {
        foreach (var point in new[] { new[] { 0.0, 0.0 }, [1, 1e-3], [-4, 7] })
            DerivativeAssert.HessianEquals(new double[,] { { 2, 0 }, { 0, -2 } }, DerivativeAssert.HessianIsSymmetric(new Saddle(), point), 0);
    }

    [Fact]
    public void Gradient_descent_from_the_saddle_start_stalls_then_escapes()
    {
        var problem = new Saddle();
        var w = problem.InitialPoint(0);
        Assert.Equal([1.0, 1e-3], w);
        var gradient = new double[2];
        problem.LossAndGradient(w, gradient);
        double start = Norm(gradient);
        double slowest = start;
        for (int step = 0; step < 60; step++)
        {
            w[0] -= 0.1 * gradient[0];
            w[1] -= 0.1 * gradient[1];
            problem.LossAndGradient(w, gradient);
            slowest = Math.Min(slowest, Norm(gradient));
        }
        Assert.True(slowest < 0.05 * start, $"stalls: smallest gradient norm {slowest} vs {start} at the start");
        Assert.True(problem.Loss(w) < -100, $"escapes along y: f = {problem.Loss(w)}");

        static double Norm(double[] g) => Math.Sqrt(g[0] * g[0] + g[1] * g[1]);
    }

    [Theory]
    [InlineData("beale")]
    [InlineData("himmelblau")]
    [InlineData("saddle")]
    public void FromSpec_builds_the_problem_and_rejects_unknown_keys(string name)
    {
        IProblem Build(string text) => name switch
        {
            "beale" => Beale.FromSpec(Spec.Parse(text)),
            "himmelblau" => Himmelblau.FromSpec(Spec.Parse(text)),
            _ => Saddle.FromSpec(Spec.Parse(text)),
        };
        var problem = Build(name);
        Assert.Equal(name, problem.Name);
        Assert.Equal(2, problem.Dimension);
        Assert.Equal(["x", "y"], problem.ParameterNames);
        Assert.Equal(2, problem.InitialPoint(0).Length);
        var error = Assert.Throws<UsageException>(() => Build(name + ":scale=2"));
        Assert.Contains("'scale'", error.Message);
        Assert.Contains(name, error.Message);
    }
}
