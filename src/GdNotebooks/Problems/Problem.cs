using GdNotebooks.Problems.Analytic;
using GdNotebooks.Problems.Data;
using GdNotebooks.Problems.Formulas;
using GdNotebooks.Specs;

namespace GdNotebooks.Problems;

/// <summary>
/// Makes a problem from what a user types: a known name with arguments (<c>rosenbrock</c>,
/// <c>quadratic:a=[1,100]</c>, <c>mlp:data=digits,hidden=[64]</c>) or a formula in its variables (<c>(w-3)^2</c>).
/// </summary>
public static class Problem
{
    private static readonly Dictionary<string, Func<Spec, IProblem>> Factories = new()
    {
        ["quadratic"] = Quadratic.FromSpec,
        ["rosenbrock"] = Rosenbrock.FromSpec,
        ["beale"] = Beale.FromSpec,
        ["himmelblau"] = Himmelblau.FromSpec,
        ["saddle"] = Saddle.FromSpec,
        ["linreg"] = LinearRegression.FromSpec,
        ["logreg"] = LogisticRegression.FromSpec,
        ["softmax"] = SoftmaxRegression.FromSpec,
        ["mlp"] = Mlp.FromSpec,
    };

    /// <summary>The named problems; anything else is read as a formula.</summary>
    public static IReadOnlyList<string> Names { get; } = Factories.Keys.ToArray();

    /// <summary>
    /// Parses a problem spec or formula. A bare word that is not a known name is an error rather than the
    /// formula f(v) = v, because it is far more often a misspelt name (<c>rosenbrok</c>) than a wish for a linear function.
    /// </summary>
    public static IProblem Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length == 0) throw new UsageException($"empty problem; give a name ({string.Join(", ", Names)}) or a formula such as \"(w-3)^2\"");
        if (Spec.TryParse(text, out var spec))
        {
            if (Factories.TryGetValue(spec.Name, out var factory)) return factory(spec);
            throw new UsageException($"unknown problem '{spec.Name}'; valid problems: {string.Join(", ", Names)}, or a formula such as \"(w-3)^2\"");
        }
        if (text.Contains(':'))
        {
            // Has the shape name:key=value, so it was meant as a spec: report the spec error, not a formula error.
            Spec.Parse(text);
        }
        return FormulaProblem.Parse(text);
    }
}
