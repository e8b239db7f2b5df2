using GdNotebooks.Autodiff;

namespace GdNotebooks.Problems.Formulas;

/// <summary>
/// Recursive descent over
/// <code>
/// sum     = product (('+' | '-') product)*
/// product = signed (('*' | '/') signed)*
/// signed  = ('-' | '+') signed | power         so -x^2 is -(x^2)
/// power   = atom ('^' signed)?                 right-associative: 2^3^2 = 2^9, and 2^-1 works
/// atom    = number | pi | e | variable | function '(' sum ')' | '(' sum ')'
/// </code>
/// Every mistake is a <see cref="UsageException"/> naming the bad part and its 1-based position. Nesting is
/// capped at <see cref="MaxDepth"/> so hostile input cannot overflow the stack; long flat sums are loops.
/// </summary>
internal sealed class FormulaParser
{
    /// <summary>Deepest nesting of parentheses, signs and powers accepted.</summary>
    public const int MaxDepth = 100;

    public static readonly IReadOnlyList<(string Name, Primitive Operation)> Functions =
    [
        ("sin", Primitive.Sin), ("cos", Primitive.Cos), ("tan", Primitive.Tan), ("exp", Primitive.Exp),
        ("log", Primitive.Log), ("sqrt", Primitive.Sqrt), ("abs", Primitive.Abs), ("tanh", Primitive.Tanh),
        ("sigmoid", Primitive.Sigmoid),
    ];

    private static readonly Dictionary<string, double> Constants = new(StringComparer.Ordinal)
    {
        ["pi"] = Math.PI,
        ["e"] = Math.E,
    };

    private const string Operand = "a number, variable, function or '('";

    private readonly FormulaTokenizer _tokenizer;
    private FormulaToken _current;
    private FormulaToken _previous;
    private int _depth;

    private FormulaParser(string text)
    {
        _tokenizer = new FormulaTokenizer(text);
        _current = _tokenizer.Next();
    }

    public static Expression Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new UsageException("empty formula; write one like (w-3)^2 or x^2 - y^2");
        var parser = new FormulaParser(text);
        var expression = parser.Sum();
        if (parser._current.Kind != FormulaTokenKind.End) throw parser.Trailing();
        return expression;
    }

    private Expression Sum()
    {
        var result = Product();
        while (_current.IsOperator('+') || _current.IsOperator('-'))
        {
            bool plus = Advance().Text == "+";
            var right = Product();
            result = plus ? result + right : result - right;
        }
        return result;
    }

    private Expression Product()
    {
        var result = Signed();
        while (_current.IsOperator('*') || _current.IsOperator('/'))
        {
            bool times = Advance().Text == "*";
            var right = Signed();
            result = times ? result * right : result / right;
        }
        return result;
    }

    /// <summary>Every path that nests (parentheses, signs, exponents) passes through here, so the depth is counted once.</summary>
    private Expression Signed()
    {
        if (++_depth > MaxDepth)
            throw new UsageException($"formula nests too deeply at position {_current.Position}: more than {MaxDepth} levels of parentheses, signs or powers");
        try
        {
            if (_current.IsOperator('-'))
            {
                Advance();
                return -Signed();
            }
            if (_current.IsOperator('+'))
            {
                Advance();
                return Signed();
            }
            return Power();
        }
        finally
        {
            _depth--;
        }
    }

    private Expression Power()
    {
        var baseValue = Atom();
        if (!_current.IsOperator('^')) return baseValue;
        Advance();
        return Expression.Pow(baseValue, Signed());
    }

    private Expression Atom()
    {
        var token = _current;
        switch (token.Kind)
        {
            case FormulaTokenKind.Number:
                Advance();
                return Expression.Constant(token.Number);
            case FormulaTokenKind.LeftParenthesis:
                Advance();
                var inner = Sum();
                Close(token);
                return inner;
            case FormulaTokenKind.Identifier:
                Advance();
                return _current.Kind == FormulaTokenKind.LeftParenthesis ? Call(token) : Name(token);
            case FormulaTokenKind.End:
                throw new UsageException(_previous.Kind == FormulaTokenKind.Operator
                    ? $"formula ends after '{_previous.Text}' at position {_previous.Position}; expected {Operand}"
                    : $"formula ends early at position {token.Position}; expected {Operand}");
            default:
                throw new UsageException($"unexpected {token.Quoted} at position {token.Position}; expected {Operand}");
        }
    }

    private Expression Call(FormulaToken name)
    {
        var function = Functions.FirstOrDefault(f => f.Name == name.Text);
        if (function.Name is null)
            throw new UsageException($"unknown function '{name.Text}' at position {name.Position}; valid functions: {string.Join(", ", Functions.Select(f => f.Name))}");
        var open = Advance();
        var argument = Sum();
        Close(open);
        return Expression.Unary(function.Operation, argument);
    }

    private static Expression Name(FormulaToken name)
    {
        if (Constants.TryGetValue(name.Text, out double value)) return Expression.Constant(value);
        if (Functions.Any(f => f.Name == name.Text))
            throw new UsageException($"function '{name.Text}' at position {name.Position} needs its argument in parentheses, e.g. {name.Text}(x)");
        return Expression.Variable(name.Text);
    }

    private void Close(FormulaToken open)
    {
        if (_current.Kind == FormulaTokenKind.RightParenthesis)
        {
            Advance();
            return;
        }
        if (_current.Kind == FormulaTokenKind.End)
            throw new UsageException($"unbalanced parentheses: '(' at position {open.Position} is never closed");
        throw new UsageException($"unexpected {_current.Quoted} at position {_current.Position}; expected an operator or ')' to close '(' at position {open.Position}");
    }

    private UsageException Trailing() => _current.Kind == FormulaTokenKind.RightParenthesis
        ? new($"unexpected ')' at position {_current.Position}: unbalanced parentheses, it closes no '('")
        : new($"unexpected {_current.Quoted} at position {_current.Position}; expected an operator (+ - * / ^) or the end of the formula");

    private FormulaToken Advance()
    {
        _previous = _current;
        _current = _tokenizer.Next();
        return _previous;
    }
}
