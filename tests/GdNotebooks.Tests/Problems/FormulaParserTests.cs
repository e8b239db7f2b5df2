using GdNotebooks.Problems.Formulas;

namespace GdNotebooks.Tests.Problems;

public class FormulaParserTests
{
    [Theory]
    [InlineData("2^3^2 + 0*x", 0, 512)]             // ^ is right-associative
    [InlineData("-x^2", 3, -9)]                     // sign binds looser than ^
    [InlineData("-2^2 + 0*x", 0, -4)]
    [InlineData("2^-1 + 0*x", 0, 0.5)]              // a sign may start an exponent
    [InlineData("x^2^-1", 4, 2)]
    [InlineData("1 + 2*x", 3, 7)]                   // * before +
    [InlineData("(1 + 2)*x", 3, 9)]
    [InlineData("x - 1 - 1", 5, 3)]                 // - and / are left-associative
    [InlineData("x/2/2", 8, 2)]
    [InlineData("2*x^2", 3, 18)]
    [InlineData("x*-2", 3, -6)]
    [InlineData("--x", 2, 2)]
    [InlineData("+x", 2, 2)]
    [InlineData("1e-3*x", 1000, 1)]
    [InlineData("2.5E+2 + .5*x", 2, 251)]
    [InlineData("e^x", 1, Math.E)]
    [InlineData("sin(pi*x)", 0.5, 1)]
    [InlineData("sqrt(abs(x)) + log(e) * tanh(0)", -16, 4)]
    [InlineData("sigmoid(x)", 0, 0.5)]
    [InlineData("x^0", 0, 1)]
    [InlineData(" \t(w-3)^2 \n", 1, 4)]
    public void Evaluates_with_the_usual_precedence(string formula, double x, double expected)
    {
        var problem = FormulaProblem.Parse(formula);
        Assert.Equal(1, problem.Dimension);
        Assert.Equal(expected, problem.Loss([x]), 12);
    }

    [Theory]
    [InlineData("z + a*b + y", new[] { "a", "b", "y", "z" })]
    [InlineData("x + x*x - x", new[] { "x" })]
    [InlineData("beta + alpha", new[] { "alpha", "beta" })]
    [InlineData("sinx + exp2 + e2 + pi_2 + _k", new[] { "_k", "e2", "exp2", "pi_2", "sinx" })]
    [InlineData("y*Y", new[] { "Y", "y" })]
    [InlineData("θ^2 + α", new[] { "α", "θ" })]
    public void Variables_are_the_parameters_sorted_alphabetically(string formula, string[] expected)
    {
        var problem = FormulaProblem.Parse(formula);
        Assert.Equal(expected, problem.ParameterNames);
        Assert.Equal(expected.Length, problem.Dimension);
        Assert.Equal(new double[expected.Length], problem.InitialPoint(7));
        Assert.Equal(expected.Length, problem.Blocks.Single().Length);
    }

    [Fact]
    public void Variables_take_their_values_in_sorted_order()
    {
        var problem = FormulaProblem.Parse("y - 10*x");
        Assert.Equal(["x", "y"], problem.ParameterNames);
        Assert.Equal(3 - 10 * 2, problem.Loss([2, 3]));
    }

    [Fact]
    public void Name_is_the_formula_as_typed_trimmed()
    {
        Assert.Equal("(w-3)^2", FormulaProblem.Parse("  (w-3)^2 ").Name);
        Assert.Equal("x^2 - y^2", FormulaProblem.Parse("x^2 - y^2").ToString());
    }

    public static TheoryData<string, string> BadFormulas => new()
    {
        { "", "empty formula" },
        { "   ", "empty formula" },
        { "sinn(x)", "unknown function 'sinn' at position 1; valid functions: sin, cos, tan, exp, log, sqrt, abs, tanh, sigmoid" },
        { "Sin(x)", "unknown function 'Sin' at position 1" },
        { "x(2)", "unknown function 'x' at position 1" },
        { "(x+y))", "unexpected ')' at position 6" },
        { "(x+1", "'(' at position 1 is never closed" },
        { "sin(x", "'(' at position 4 is never closed" },
        { "x + #", "unexpected character '#' at position 5" },
        { "x,y", "unexpected character ',' at position 2" },
        { "x = 1", "unexpected character '=' at position 3" },
        { "x\u0000", "unexpected character U+0000 at position 2" },
        { ". * x", "unexpected character '.' at position 1" },
        { "3 + 4", "formula has no variables" },
        { "pi*e", "formula has no variables" },
        { "x +", "formula ends after '+' at position 3" },
        { "x y", "unexpected 'y' at position 3" },
        { "2x", "unexpected 'x' at position 2" },
        { "(x y)", "unexpected 'y' at position 4; expected an operator or ')' to close '(' at position 1" },
        { "sin x", "function 'sin' at position 1 needs its argument in parentheses" },
        { "x ** 2", "unexpected '*' at position 4" },
        { "()", "unexpected ')' at position 2" },
        { "sin()", "unexpected ')' at position 5" },
        { "1e999*x", "number '1e999' at position 1" },
        { new string('(', 500) + "x" + new string(')', 500), "nests too deeply" },
        { new string('-', 5000) + "x", "nests too deeply" },
        { string.Concat(Enumerable.Repeat("x^", 5000)) + "x", "nests too deeply" },
    };

    [Theory]
    [MemberData(nameof(BadFormulas))]
    public void Bad_formulas_give_a_usage_error_naming_the_bad_part(string formula, string expected)
    {
        var error = Assert.Throws<UsageException>(() => FormulaProblem.Parse(formula));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Null_is_an_empty_formula() =>
        Assert.Contains("empty formula", Assert.Throws<UsageException>(() => FormulaProblem.Parse(null!)).Message);

    [Fact]
    public void Nesting_up_to_the_limit_is_fine()
    {
        int depth = 90;
        var problem = FormulaProblem.Parse(new string('(', depth) + "x" + new string(')', depth) + "^2");
        Assert.Equal(9, problem.Loss([3]));
    }

    [Fact]
    public void Long_flat_sums_are_loops_not_recursion()
    {
        const int terms = 20_000;
        var problem = FormulaProblem.Parse("x" + string.Concat(Enumerable.Repeat(" + x*y", terms)));
        var gradient = new double[2];
        Assert.Equal(2 + terms * 6.0, problem.LossAndGradient([2, 3], gradient));
        Assert.Equal([1 + terms * 3.0, terms * 2.0], gradient);
    }
}
