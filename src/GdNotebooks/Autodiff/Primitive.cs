namespace GdNotebooks.Autodiff;

/// <summary>
/// The operations an <see cref="Expression"/> is built from. Each one's value and local derivatives are
/// written side by side in <see cref="PrimitiveRules"/>.
/// </summary>
public enum Primitive
{
    /// <summary>A number; its value is <see cref="Expression.Value"/>.</summary>
    Constant,

    /// <summary>A parameter of the formula, named by <see cref="Expression.Name"/>.</summary>
    Variable,

    Add,
    Subtract,
    Multiply,
    Divide,

    /// <summary>a^b where the exponent b is itself an expression: d/db = a^b·log a.</summary>
    Power,

    /// <summary>a^c with a fixed exponent c (<see cref="Expression.Value"/>), so x² works for negative x.</summary>
    ConstantPower,

    Negate,
    Sin,
    Cos,
    Tan,
    Exp,

    /// <summary>The natural logarithm.</summary>
    Log,

    Sqrt,
    Abs,
    Tanh,

    /// <summary>σ(a) = 1 / (1 + e^(−a)).</summary>
    Sigmoid,
}
