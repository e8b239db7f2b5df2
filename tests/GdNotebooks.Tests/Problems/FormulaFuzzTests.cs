using FsCheck;
using FsCheck.Fluent;
using GdNotebooks.Problems.Formulas;

namespace GdNotebooks.Tests.Problems;

/// <summary>Random text made of formula characters: Parse either succeeds or throws UsageException, nothing else.</summary>
public class FormulaFuzzTests
{
    private static readonly string[] Pieces =
    [
        "x", "y", "w", "1", "0", "2.5", "1e-3", "1e", ".", "e", "pi", "+", "-", "*", "/", "^", "(", ")", "((", "))",
        " ", "sin(", "cos(", "tan(", "exp(", "log(", "sqrt(", "abs(", "tanh(", "sigmoid(", "sinn(", "#", ",", "1e999",
    ];

    private static readonly Gen<string> Formulas =
        Gen.Elements(Pieces).ListOf().Select(pieces => string.Concat(pieces));

    /// <summary>Well-formed formulas built from the grammar, nested up to about log₂(size) levels.</summary>
    private static Gen<string> WellFormed(int size)
    {
        var leaf = Gen.Elements("x", "y", "w", "2", "0.5", "1e-3", "pi", "e", "3.25");
        if (size <= 1) return leaf;
        var smaller = WellFormed(size / 2);
        return Gen.OneOf(
            leaf,
            from a in smaller
            from op in Gen.Elements(" + ", "-", "*", " / ", "^")
            from b in smaller
            select $"({a}){op}({b})",
            from sign in Gen.Elements("-", "+")
            from a in smaller
            select sign + a,
            from function in Gen.Elements(FormulaProblem.Functions.ToArray())
            from a in smaller
            select $"{function}({a})");
    }

    [Fact]
    public void Well_formed_formulas_parse_and_evaluate() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(Gen.Sized(WellFormed).ToArbitrary(), text =>
        {
            FormulaProblem problem;
            try
            {
                problem = FormulaProblem.Parse(text);
            }
            catch (UsageException error) when (error.Message.Contains("no variables"))
            {
                return true;   // e.g. "2*pi": well-formed but constant
            }
            return Evaluates(problem);
        }));

    [Fact]
    public void Well_formed_formulas_with_one_character_changed_parse_or_give_usage_errors()
    {
        var mutated =
            from text in Gen.Sized(WellFormed)
            from index in Gen.Choose(0, text.Length)
            from replacement in Gen.Elements("", "(", ")", "^", "*", "-", "#", "x", "1", ".", "e", " ")
            let end = Math.Min(text.Length, index + 1)
            select text[..index] + replacement + text[end..];
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(mutated.ToArbitrary(), ParsesOrRejects));
    }

    [Fact]
    public void Parse_throws_only_usage_errors_and_parsed_formulas_evaluate()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000).WithEndSize(60), Prop.ForAll(Formulas.ToArbitrary(), ParsesOrRejects));
        // Not vacuous: some of this noise is a valid formula.
        Assert.Contains(Formulas.Sample(size: 8, numberOfSamples: 2000), text => ParsesOrRejects(text) && IsFormula(text));
    }

    private static bool IsFormula(string text)
    {
        try
        {
            FormulaProblem.Parse(text);
            return true;
        }
        catch (UsageException)
        {
            return false;
        }
    }

    [Fact]
    public void Parse_survives_arbitrary_unicode_strings() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(ArbMap.Default.ArbFor<string>(), ParsesOrRejects));

    private static bool ParsesOrRejects(string? text)
    {
        FormulaProblem problem;
        try
        {
            problem = FormulaProblem.Parse(text!);
        }
        catch (UsageException error)
        {
            return error.Message.Length > 0;
        }
        return Evaluates(problem);
    }

    private static bool Evaluates(FormulaProblem problem)
    {
        int n = problem.Dimension;
        var point = Enumerable.Range(0, n).Select(i => 0.5 - 0.3 * i).ToArray();
        var output = new double[n];
        problem.Loss(point);
        problem.LossAndGradient(point, output);
        problem.HessianVectorProduct(point, point, output);
        problem.Loss(problem.InitialPoint(0));
        return n > 0 && problem.ParameterNames.SequenceEqual(problem.ParameterNames.Order(StringComparer.Ordinal));
    }
}
