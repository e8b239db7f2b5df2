namespace GdNotebooks.Autodiff;

/// <summary>
/// A node of a scalar expression graph: a constant, a named variable, or a <see cref="Primitive"/> applied to
/// one or two operands. Build it with the operators (<c>x * x + Expression.Sin(y)</c>) or from text with
/// <see cref="Problems.Formulas.FormulaProblem.Parse"/>, then <see cref="Compile"/> it once into a
/// <see cref="Tape"/> that evaluates values, gradients and Hessian-vector products without allocating.
/// Operations on constants only are folded to a constant as the graph is built. Nothing here recurses, so
/// graphs may be arbitrarily deep. Shared sub-expressions are evaluated once.
/// </summary>
public sealed class Expression
{
    private Expression(Primitive operation, Expression? left, Expression? right, double value, string? name)
    {
        Operation = operation;
        Left = left;
        Right = right;
        Value = value;
        Name = name;
    }

    public Primitive Operation { get; }

    /// <summary>The first (or only) operand; null for constants and variables.</summary>
    public Expression? Left { get; }

    /// <summary>The second operand of a binary operation.</summary>
    public Expression? Right { get; }

    /// <summary>A constant's value, or the fixed exponent of <see cref="Primitive.ConstantPower"/>.</summary>
    public double Value { get; }

    /// <summary>A variable's name.</summary>
    public string? Name { get; }

    public bool IsConstant => Operation == Primitive.Constant;

    public static Expression Constant(double value) => new(Primitive.Constant, null, null, value, null);

    public static Expression Variable(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(Primitive.Variable, null, null, 0, name);
    }

    public static implicit operator Expression(double value) => Constant(value);

    public static Expression operator +(Expression a, Expression b) => Binary(Primitive.Add, a, b);
    public static Expression operator -(Expression a, Expression b) => Binary(Primitive.Subtract, a, b);
    public static Expression operator *(Expression a, Expression b) => Binary(Primitive.Multiply, a, b);
    public static Expression operator /(Expression a, Expression b) => Binary(Primitive.Divide, a, b);
    public static Expression operator -(Expression a) => Unary(Primitive.Negate, a);

    /// <summary>a^b; a constant exponent becomes <see cref="Primitive.ConstantPower"/> so negative bases work.</summary>
    public static Expression Pow(Expression a, Expression b)
    {
        if (b.IsConstant && !a.IsConstant) return new(Primitive.ConstantPower, a, null, b.Value, null);
        return Binary(Primitive.Power, a, b);
    }

    public static Expression Sin(Expression a) => Unary(Primitive.Sin, a);
    public static Expression Cos(Expression a) => Unary(Primitive.Cos, a);
    public static Expression Tan(Expression a) => Unary(Primitive.Tan, a);
    public static Expression Exp(Expression a) => Unary(Primitive.Exp, a);
    public static Expression Log(Expression a) => Unary(Primitive.Log, a);
    public static Expression Sqrt(Expression a) => Unary(Primitive.Sqrt, a);
    public static Expression Abs(Expression a) => Unary(Primitive.Abs, a);
    public static Expression Tanh(Expression a) => Unary(Primitive.Tanh, a);
    public static Expression Sigmoid(Expression a) => Unary(Primitive.Sigmoid, a);

    /// <summary>A one-operand primitive (Negate, Sin, …, Sigmoid) applied to <paramref name="a"/>.</summary>
    public static Expression Unary(Primitive operation, Expression a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (PrimitiveRules.IsBinary(operation) || operation is Primitive.Constant or Primitive.Variable or Primitive.ConstantPower)
            throw new ArgumentException($"{operation} is not a one-operand primitive", nameof(operation));
        if (a.IsConstant) return Constant(Fold(operation, a.Value, 0));
        return new(operation, a, null, 0, null);
    }

    /// <summary>A two-operand primitive (Add, Subtract, Multiply, Divide, Power).</summary>
    public static Expression Binary(Primitive operation, Expression a, Expression b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!PrimitiveRules.IsBinary(operation))
            throw new ArgumentException($"{operation} is not a two-operand primitive", nameof(operation));
        if (a.IsConstant && b.IsConstant) return Constant(Fold(operation, a.Value, b.Value));
        return new(operation, a, b, 0, null);
    }

    /// <summary>The distinct variable names, sorted ordinally: the order of a formula's parameters.</summary>
    public IReadOnlyList<string> Variables()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var node in Nodes())
            if (node.Operation == Primitive.Variable) names.Add(node.Name!);
        return names.ToArray();
    }

    /// <summary>
    /// Flattens the graph into a <see cref="Tape"/> whose inputs are <paramref name="variables"/> in that order
    /// (default: <see cref="Variables"/>). Every variable of the graph must be listed; listed ones it lacks get
    /// a zero gradient.
    /// </summary>
    public Tape Compile(IReadOnlyList<string>? variables = null) => Tape.Compile(this, variables ?? Variables());

    /// <summary>Every distinct node reachable from this one, each once (iterative depth-first walk).</summary>
    internal IEnumerable<Expression> Nodes()
    {
        var seen = new HashSet<Expression>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Expression>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node)) continue;
            yield return node;
            if (node.Left is not null) stack.Push(node.Left);
            if (node.Right is not null) stack.Push(node.Right);
        }
    }

    private static double Fold(Primitive operation, double a, double b) =>
        PrimitiveRules.Apply(operation, new Real(a), new Real(b), 0, out _, out _).Value;
}
