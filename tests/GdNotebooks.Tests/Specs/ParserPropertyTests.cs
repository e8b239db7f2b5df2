using FsCheck;
using FsCheck.Fluent;
using GdNotebooks.Problems;
using GdNotebooks.Specs;

namespace GdNotebooks.Tests.Specs;

/// <summary>Random text thrown at every parser users can reach: only <see cref="UsageException"/> may come out.</summary>
public class ParserPropertyTests
{
    private static readonly string[] Pieces =
    [
        "a", "x", "y", "w", "_", "0", "1", "9", ".", "e", "-", "+", "*", "/", "^", "(", ")", "[", "]", ":", "=", ",", " ",
        "sin", "exp", "log", "sqrt", "adam", "sgd", "quadratic", "rosenbrock", "true", "1e308", "1e-400", "nan", "inf",
    ];

    private static Arbitrary<string> Texts() =>
        Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts)).ToArbitrary();

    private static bool OnlyUsageErrors(Action parse)
    {
        try
        {
            parse();
        }
        catch (UsageException)
        {
        }
        return true; // any other exception propagates and fails the property with the input shown
    }

    [Fact]
    public void Spec_parser_throws_nothing_but_usage_errors() =>
        Prop.ForAll(Texts(), text => OnlyUsageErrors(() => Spec.Parse(text)))
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Problem_parser_throws_nothing_but_usage_errors_and_parsed_problems_evaluate() =>
        Prop.ForAll(Texts(), text => OnlyUsageErrors(() =>
        {
            var problem = Problem.Parse(text);
            if (problem.Dimension > 16) return;
            var w = new double[problem.Dimension];
            var g = new double[problem.Dimension];
            problem.Loss(w);
            problem.LossAndGradient(w, g);
            problem.HessianVectorProduct(w, g, new double[problem.Dimension]);
        })).QuickCheckThrowOnFailure();
}
