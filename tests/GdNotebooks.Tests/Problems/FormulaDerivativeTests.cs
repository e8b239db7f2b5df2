using GdNotebooks.Problems.Formulas;

namespace GdNotebooks.Tests.Problems;

/// <summary>Autodiff gradients and HVPs of typed formulas against finite differences and closed forms.</summary>
public class FormulaDerivativeTests
{
    /// <summary>Formulas covering every operator, function and constant, each with points inside its domain.</summary>
    private static readonly (string Formula, double[][] Points)[] Table =
    [
        ("(w-3)^2", [[0], [1.5], [5]]),
        ("x^2 - y^2", [[1, 1e-3], [-2, 0.5], [0.3, -1.7]]),
        ("sin(x)*y + exp(-x^2)", [[0.5, 1], [-1.2, 2], [2, -0.3]]),
        ("0.5*(x^2+10*y^2)", [[1, 1], [-0.4, 2.2], [3, -0.1]]),
        ("x/y + y/x", [[1.5, 0.7], [-2, 0.9], [0.4, -3]]),
        ("cos(x*y) - tan(x/2)", [[0.5, 1.3], [-1.1, 0.4], [1.7, -0.8]]),
        ("log(x^2 + 1) * sqrt(y)", [[0.5, 2], [-1.3, 0.6], [2.2, 3.5]]),
        ("abs(x - 1) + abs(y) + x*y", [[0.3, 0.8], [2, -1.5], [-1, 0.25]]),
        ("tanh(2*x - y) + sigmoid(x*y)", [[0.2, 0.1], [-0.7, 0.9], [1.1, -0.6]]),
        ("x^y", [[1.5, 2.5], [0.7, -1.2], [3, 0.4]]),
        ("2^x * e^(-y)", [[0.5, 0.3], [-1, 1.5], [2.1, -0.7]]),
        ("-x^2 + +y*x - -y", [[1, 2], [-0.5, 0.3], [2.5, -1]]),
        ("pi*sin(pi*x) + 1e-3*y^4", [[0.1, 3], [0.7, -2], [1.3, 5]]),
        ("(1 - x)^2 + 100*(y - x^2)^2", [[-1.2, 1], [0.5, 0.5], [1.5, 2]]),
        ("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", [[0, 0], [1, -2], [-3, 3]]),
        ("exp(x)/(1 + exp(x)) - sigmoid(x) + x*y*z", [[0.5, 1, -1], [-1, 2, 0.5], [1.5, -0.5, 2]]),
        ("sqrt(x^2 + y^2 + 1) / (1 + z^2)", [[0.5, 1, -1], [-1, 2, 0.5], [1.5, -0.5, 2]]),
        ("x^-2 + y^0.5 - y^(1/3)", [[0.8, 2], [-1.5, 0.5], [2, 4]]),
        ("log(sigmoid(x)) + tanh(y)^3", [[0.5, 0.4], [-2, -0.7], [3, 1.2]]),
        ("a*b - c/(1+a^2) + .25*b^2*c", [[1, 2, 3], [-0.5, 0.5, 1.5], [2, -1, 0.3]]),
    ];

    public static TheoryData<string, double[]> FormulasAtPoints()
    {
        var data = new TheoryData<string, double[]>();
        foreach (var (formula, points) in Table)
            foreach (var point in points)
                data.Add(formula, point);
        return data;
    }

    [Fact]
    public void Table_covers_every_function_and_operator()
    {
        var text = string.Join(" ", Table.Select(t => t.Formula));
        foreach (var function in FormulaProblem.Functions) Assert.Contains(function + "(", text);
        foreach (var symbol in new[] { "+", "-", "*", "/", "^", "pi", "e^", "1e-3", "(", "+y", "-y", ".25" }) Assert.Contains(symbol, text);
        Assert.True(Table.Length >= 15);
    }

    [Theory]
    [MemberData(nameof(FormulasAtPoints))]
    public void Gradient_matches_central_differences(string formula, double[] point) =>
        DerivativeAssert.GradientMatchesFiniteDifferences(FormulaProblem.Parse(formula), point);

    [Theory]
    [MemberData(nameof(FormulasAtPoints))]
    public void Hessian_vector_product_matches_central_differences_and_is_symmetric(string formula, double[] point)
    {
        var problem = FormulaProblem.Parse(formula);
        DerivativeAssert.HessianVectorProductMatchesFiniteDifferences(problem, point, DerivativeAssert.Direction(point.Length));
        DerivativeAssert.HessianIsSymmetric(problem, point);
    }

    public static TheoryData<string, double[], double[,]> ClosedFormHessians()
    {
        double ln2 = Math.Log(2), s = 1 / (1 + Math.Exp(-0.7));
        return new()
        {
            { "x^2 - y^2", [0.3, -1.1], new double[,] { { 2, 0 }, { 0, -2 } } },
            { "x*y", [5, -7], new double[,] { { 0, 1 }, { 1, 0 } } },
            { "0.5*(x^2+10*y^2)", [1, 1], new double[,] { { 1, 0 }, { 0, 10 } } },
            { "(w-3)^2", [-4], new double[,] { { 2 } } },
            { "x^3", [-2], new double[,] { { -12 } } },
            { "sin(x)", [0.3], new double[,] { { -Math.Sin(0.3) } } },
            { "log(x)", [4], new double[,] { { -1.0 / 16 } } },
            { "sigmoid(x)", [0.7], new double[,] { { s * (1 - s) * (1 - 2 * s) } } },
            { "exp(x + 2*y)", [0.1, 0.2], new double[,] { { Math.Exp(0.5), 2 * Math.Exp(0.5) }, { 2 * Math.Exp(0.5), 4 * Math.Exp(0.5) } } },
            // ∂²(x^y): y(y−1)x^(y−2), x^(y−1)(1 + y ln x), x^y ln²x at (2, 3)
            { "x^y", [2, 3], new double[,] { { 12, 4 * (1 + 3 * ln2) }, { 4 * (1 + 3 * ln2), 8 * ln2 * ln2 } } },
            { "abs(x) + abs(y)", [-1, 2], new double[,] { { 0, 0 }, { 0, 0 } } },
        };
    }

    [Theory]
    [MemberData(nameof(ClosedFormHessians))]
    public void Dense_Hessian_from_exact_HVPs_matches_the_closed_form(string formula, double[] point, double[,] expected)
    {
        var problem = FormulaProblem.Parse(formula);
        DerivativeAssert.HessianEquals(expected, DerivativeAssert.HessianIsSymmetric(problem, point));
    }

    [Theory]
    [InlineData("log(x)", 0.0, double.NegativeInfinity)]
    [InlineData("1/x", 0.0, double.PositiveInfinity)]
    [InlineData("sqrt(x)", -1.0, double.NaN)]
    [InlineData("x^0.5", 0.0, 0.0)]
    [InlineData("abs(x)", double.NaN, double.NaN)]
    [InlineData("exp(x)", 1000.0, double.PositiveInfinity)]
    [InlineData("tan(x)", double.PositiveInfinity, double.NaN)]
    public void Undefined_points_give_non_finite_numbers_not_exceptions(string formula, double x, double expected)
    {
        var problem = FormulaProblem.Parse(formula);
        var output = new double[1];
        Assert.True(expected.Equals(problem.Loss([x])), $"{formula} at {x}: {problem.Loss([x])}");
        Assert.True(expected.Equals(problem.LossAndGradient([x], output)));
        problem.HessianVectorProduct([x], [1], output);
    }
}
