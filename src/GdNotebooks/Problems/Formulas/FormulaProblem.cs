using GdNotebooks.Autodiff;

namespace GdNotebooks.Problems.Formulas;

/// <summary>
/// A problem typed as a formula, e.g. <c>(w-3)^2</c>, <c>x^2 - y^2</c> or <c>sin(x)*y + exp(-x^2)</c>:
/// f is the formula, its parameters are its variables sorted alphabetically (ordinal, so <c>X</c> before
/// <c>x</c>), and gradients and Hessian-vector products come exactly from reverse-mode autodiff
/// (<see cref="Tape"/>). Numbers (<c>0.5</c>, <c>1e-3</c>), + - * / ^ (right-associative, binding tighter
/// than a sign: <c>-x^2</c> = −(x²)), parentheses, the functions in <see cref="Functions"/> and the constants
/// <c>pi</c> and <c>e</c> are understood. Starts at the origin.
/// Where f is undefined (log 0, 1/0) the loss is NaN or ±∞, never an exception.
/// </summary>
public sealed class FormulaProblem : IProblem
{
    private readonly Tape _tape;
    private readonly string[] _variables;

    /// <summary>A problem from an expression built in code; <paramref name="name"/> is what charts and tables show.</summary>
    public FormulaProblem(string name, Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        _variables = [.. expression.Variables()];
        if (_variables.Length == 0)
            throw new UsageException($"formula has no variables: '{name}' is a constant; write it in variables, e.g. (w-3)^2");
        Name = name;
        Expression = expression;
        _tape = expression.Compile(_variables);
        Blocks = ParameterBlock.Vector(_variables.Length);
    }

    /// <summary>
    /// Parses a formula. Throws only <see cref="UsageException"/>, whose message names the bad part and its
    /// 1-based position (unknown function, unexpected token, unbalanced parentheses, unknown character,
    /// empty formula, no variables, nesting deeper than 100).
    /// </summary>
    public static FormulaProblem Parse(string formula)
    {
        var expression = FormulaParser.Parse(formula);
        return new FormulaProblem(formula.Trim(), expression);
    }

    /// <summary>The function names formulas may use.</summary>
    public static IReadOnlyList<string> Functions { get; } = [.. FormulaParser.Functions.Select(f => f.Name)];

    public Expression Expression { get; }

    /// <summary>The formula as typed, trimmed.</summary>
    public string Name { get; }

    public int Dimension => _variables.Length;

    public IReadOnlyList<string> ParameterNames => _variables;

    public IReadOnlyList<ParameterBlock> Blocks { get; }

    /// <summary>The origin: every variable 0.</summary>
    public double[] InitialPoint(int seed) => new double[Dimension];

    public double Loss(ReadOnlySpan<double> parameters) => _tape.Evaluate(parameters);

    public double LossAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient) => _tape.Gradient(parameters, gradient);

    public void HessianVectorProduct(ReadOnlySpan<double> parameters, ReadOnlySpan<double> vector, Span<double> result) =>
        _tape.HessianVectorProduct(parameters, vector, result);

    public override string ToString() => Name;
}
