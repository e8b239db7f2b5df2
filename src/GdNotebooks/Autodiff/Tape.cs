namespace GdNotebooks.Autodiff;

/// <summary>
/// An <see cref="Expression"/> flattened into arrays in topological order: node i reads only nodes before it,
/// the variables are nodes 0…n−1 and the result is the last node. One forward sweep computes every node's value
/// and its local derivatives (<see cref="PrimitiveRules"/>); one backward sweep accumulates adjoints
/// (∂f/∂node) from the last node down to the variables. Both are plain loops, so depth costs no stack.
/// <para>
/// Evaluation allocates nothing in steady state: scratch arrays are kept on the tape and handed out with an
/// atomic swap, so concurrent callers are safe (a second caller at the same moment gets its own scratch).
/// </para>
/// </summary>
public sealed class Tape
{
    private readonly Primitive[] _operations;
    private readonly int[] _left;       // operand indices; −1 where there is none
    private readonly int[] _right;
    private readonly double[] _values;  // constants' values and ConstantPower exponents
    private Scratch<Real>? _spareReal;
    private Scratch<Dual>? _spareDual;

    private Tape(int variableCount, Primitive[] operations, int[] left, int[] right, double[] values)
    {
        VariableCount = variableCount;
        _operations = operations;
        _left = left;
        _right = right;
        _values = values;
    }

    /// <summary>The number of inputs, in the order given to <see cref="Compile"/>.</summary>
    public int VariableCount { get; }

    /// <summary>Nodes on the tape: variables, constants and operations.</summary>
    public int NodeCount => _operations.Length;

    /// <summary>Flattens <paramref name="root"/>; <paramref name="variables"/> fixes the order of the inputs.</summary>
    public static Tape Compile(Expression root, IReadOnlyList<string> variables)
    {
        ArgumentNullException.ThrowIfNull(root);
        var operations = new List<Primitive>();
        var left = new List<int>();
        var right = new List<int>();
        var values = new List<double>();
        int Add(Primitive op, int a, int b, double value)
        {
            operations.Add(op); left.Add(a); right.Add(b); values.Add(value);
            return operations.Count - 1;
        }

        var variableIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in variables)
            if (!variableIndex.TryAdd(name, Add(Primitive.Variable, -1, -1, 0)))
                throw new ArgumentException($"variable '{name}' is listed twice", nameof(variables));

        // Iterative post-order walk: a node is placed after both its operands.
        var index = new Dictionary<Expression, int>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Expression Node, bool OperandsPlaced)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, operandsPlaced) = stack.Pop();
            if (index.ContainsKey(node)) continue;
            switch (node.Operation)
            {
                case Primitive.Variable:
                    index[node] = variableIndex.TryGetValue(node.Name!, out int v) ? v
                        : throw new ArgumentException($"the expression uses '{node.Name}', which is not among the variables", nameof(variables));
                    break;
                case Primitive.Constant:
                    index[node] = Add(Primitive.Constant, -1, -1, node.Value);
                    break;
                default:
                    if (!operandsPlaced)
                    {
                        stack.Push((node, true));
                        if (node.Right is not null) stack.Push((node.Right, false));
                        stack.Push((node.Left!, false));
                    }
                    else
                    {
                        index[node] = Add(node.Operation, index[node.Left!], node.Right is null ? -1 : index[node.Right], node.Value);
                    }
                    break;
            }
        }

        // The result is read from the last node; a bare variable that is not the last input needs a copy there.
        if (index[root] != operations.Count - 1)
            Add(Primitive.Add, index[root], Add(Primitive.Constant, -1, -1, 0), 0);

        return new Tape(variables.Count, [.. operations], [.. left], [.. right], [.. values]);
    }

    /// <summary>f(point).</summary>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        CheckLength(point, nameof(point));
        var scratch = Rent(ref _spareReal);
        for (int i = 0; i < VariableCount; i++) scratch.Values[i] = new Real(point[i]);
        Forward(scratch);
        double value = scratch.Values[^1].Value;
        Volatile.Write(ref _spareReal, scratch);
        return value;
    }

    /// <summary>Writes ∇f(point) into <paramref name="gradient"/> and returns f(point).</summary>
    public double Gradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        CheckLength(point, nameof(point));
        CheckLength(gradient, nameof(gradient));
        var scratch = Rent(ref _spareReal);
        for (int i = 0; i < VariableCount; i++) scratch.Values[i] = new Real(point[i]);
        Forward(scratch);
        Backward(scratch);
        for (int i = 0; i < VariableCount; i++) gradient[i] = scratch.Adjoints[i].Value;
        double value = scratch.Values[^1].Value;
        Volatile.Write(ref _spareReal, scratch);
        return value;
    }

    /// <summary>
    /// Writes H(point)·vector into <paramref name="result"/>, exact to rounding: the forward and backward sweeps
    /// run on dual numbers point + ε·vector, so each adjoint's tangent is the directional derivative of ∂f/∂node.
    /// </summary>
    public void HessianVectorProduct(ReadOnlySpan<double> point, ReadOnlySpan<double> vector, Span<double> result)
    {
        CheckLength(point, nameof(point));
        CheckLength(vector, nameof(vector));
        CheckLength(result, nameof(result));
        var scratch = Rent(ref _spareDual);
        for (int i = 0; i < VariableCount; i++) scratch.Values[i] = new Dual(point[i], vector[i]);
        Forward(scratch);
        Backward(scratch);
        for (int i = 0; i < VariableCount; i++) result[i] = scratch.Adjoints[i].Tangent;
        Volatile.Write(ref _spareDual, scratch);
    }

    private void Forward<T>(Scratch<T> scratch) where T : struct, IScalar<T>
    {
        var values = scratch.Values;
        for (int i = VariableCount; i < values.Length; i++)
        {
            var op = _operations[i];
            if (op == Primitive.Constant) continue;   // filled in when the scratch was made
            T a = values[_left[i]];
            T b = _right[i] >= 0 ? values[_right[i]] : default;
            values[i] = PrimitiveRules.Apply(op, a, b, _values[i], out scratch.LeftSlopes[i], out scratch.RightSlopes[i]);
        }
    }

    private void Backward<T>(Scratch<T> scratch) where T : struct, IScalar<T>
    {
        var adjoints = scratch.Adjoints;
        Array.Clear(adjoints);
        adjoints[^1] = T.Constant(1);
        for (int i = adjoints.Length - 1; i >= VariableCount; i--)
        {
            if (_left[i] < 0) continue;               // constants have no operands
            T adjoint = adjoints[i];
            adjoints[_left[i]] += adjoint * scratch.LeftSlopes[i];
            if (_right[i] >= 0) adjoints[_right[i]] += adjoint * scratch.RightSlopes[i];
        }
    }

    private Scratch<T> Rent<T>(ref Scratch<T>? spare) where T : struct, IScalar<T> =>
        Interlocked.Exchange(ref spare, null) ?? new Scratch<T>(this);

    private void CheckLength(ReadOnlySpan<double> span, string name)
    {
        if (span.Length != VariableCount)
            throw new ArgumentException($"expected {VariableCount} values, got {span.Length}", name);
    }

    /// <summary>Per-node working memory for one evaluation: values, local slopes and adjoints.</summary>
    private sealed class Scratch<T> where T : struct, IScalar<T>
    {
        public readonly T[] Values;
        public readonly T[] LeftSlopes;
        public readonly T[] RightSlopes;
        public readonly T[] Adjoints;

        public Scratch(Tape tape)
        {
            int n = tape.NodeCount;
            Values = new T[n];
            LeftSlopes = new T[n];
            RightSlopes = new T[n];
            Adjoints = new T[n];
            for (int i = 0; i < n; i++)
                if (tape._operations[i] == Primitive.Constant) Values[i] = T.Constant(tape._values[i]);
        }
    }
}
