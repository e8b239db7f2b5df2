using GdNotebooks.Autodiff;

namespace GdNotebooks.Tests.Autodiff;

public class TapeTests
{
    private static readonly Expression X = Expression.Variable("x");
    private static readonly Expression Y = Expression.Variable("y");

    [Fact]
    public void Gradient_of_a_small_graph_matches_the_hand_derivation()
    {
        // f = sin(x)·y + x/y: ∂f/∂x = cos(x)·y + 1/y, ∂f/∂y = sin(x) − x/y²
        var f = Expression.Sin(X) * Y + X / Y;
        var tape = f.Compile();
        double x = 0.7, y = -1.9;
        var gradient = new double[2];
        double value = tape.Gradient([x, y], gradient);
        Assert.Equal(Math.Sin(x) * y + x / y, value, 15);
        Assert.Equal(Math.Cos(x) * y + 1 / y, gradient[0], 15);
        Assert.Equal(Math.Sin(x) - x / (y * y), gradient[1], 15);
        Assert.Equal(value, tape.Evaluate([x, y]));
    }

    [Fact]
    public void Shared_subexpressions_accumulate_gradients_and_are_computed_once()
    {
        // a = x·y used three times: f = a + a·a, ∂f/∂x = y(1 + 2a)
        var a = X * Y;
        var tape = (a + a * a).Compile();
        Assert.Equal(2 + 1 + 2, tape.NodeCount);   // x, y, a, a·a, sum
        var gradient = new double[2];
        tape.Gradient([2, 3], gradient);
        Assert.Equal([3 * (1 + 2 * 6.0), 2 * (1 + 2 * 6.0)], gradient);
    }

    [Fact]
    public void Hessian_vector_product_is_exact_for_a_cubic()
    {
        // f = x³y: H = [[6xy, 3x²], [3x², 0]]
        var tape = (Expression.Pow(X, 3) * Y).Compile();
        var result = new double[2];
        tape.HessianVectorProduct([-2, 5], [1, 2], result);
        Assert.Equal([6 * -2 * 5 * 1 + 3 * 4 * 2.0, 3 * 4 * 1.0], result);
    }

    [Fact]
    public void Constant_exponents_accept_negative_bases()
    {
        var tape = Expression.Pow(X, 3).Compile();
        var gradient = new double[1];
        Assert.Equal(-8, tape.Gradient([-2], gradient));
        Assert.Equal(12, gradient[0]);
    }

    [Fact]
    public void Deep_graphs_compile_and_differentiate_without_recursion()
    {
        // A chain 200 000 nodes deep: f = ((x·c + y)·c + y)…
        Expression f = X;
        const int depth = 100_000;
        for (int i = 0; i < depth; i++) f = f * 0.5 + Y;
        Assert.Equal(["x", "y"], f.Variables());
        var tape = f.Compile();
        var gradient = new double[2];
        double value = tape.Gradient([1, 1], gradient);
        Assert.Equal(2, value, 12);                // fixed point of v ↦ v/2 + 1
        Assert.Equal(0, gradient[0], 12);          // 0.5^100000 underflows to 0
        Assert.Equal(2, gradient[1], 12);
        var hvp = new double[2];
        tape.HessianVectorProduct([1, 1], [1, 1], hvp);
        Assert.Equal([0.0, 0.0], hvp);
    }

    [Fact]
    public void Operations_on_constants_fold_as_the_graph_is_built()
    {
        var folded = Expression.Constant(2) * 3 + Expression.Sin(0);
        Assert.True(folded.IsConstant);
        Assert.Equal(6, folded.Value);
        Assert.Equal(Primitive.ConstantPower, Expression.Pow(X, Expression.Constant(1) / 2).Operation);
    }

    [Fact]
    public void A_bare_variable_compiles_to_a_projection()
    {
        var tape = Y.Compile(["x", "y", "z"]);
        var gradient = new double[3];
        Assert.Equal(5, tape.Gradient([4, 5, 6], gradient));
        Assert.Equal([0.0, 1, 0], gradient);
        Assert.Equal(4, X.Compile().Evaluate([4]));
    }

    [Fact]
    public void Compile_rejects_variables_it_was_not_given()
    {
        Assert.Throws<ArgumentException>(() => (X + Y).Compile(["x"]));
        Assert.Throws<ArgumentException>(() => X.Compile(["x", "x"]));
    }

    [Fact]
    public void Evaluation_allocates_nothing_once_warm()
    {
        var tape = (Expression.Exp(-X * X) * Expression.Sigmoid(Y) + Expression.Pow(X, Y) / Expression.Sqrt(Y)).Compile();
        double[] point = [0.3, 1.7], vector = [1, -1], output = new double[2];
        tape.Evaluate(point);
        tape.Gradient(point, output);
        tape.HessianVectorProduct(point, vector, output);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            tape.Evaluate(point);
            tape.Gradient(point, output);
            tape.HessianVectorProduct(point, vector, output);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Concurrent_callers_get_the_same_answers()
    {
        var tape = (Expression.Tanh(X * Y) + Expression.Cos(X) * Expression.Log(Y * Y + 1)).Compile();
        var expected = Enumerable.Range(0, 2000).Select(i => Gradient(tape, i)).ToArray();
        var actual = new (double, double)[expected.Length];
        Parallel.For(0, expected.Length, i => actual[i] = Gradient(tape, i));
        Assert.Equal(expected, actual);

        static (double, double) Gradient(Tape tape, int i)
        {
            var g = new double[2];
            tape.Gradient([i * 1e-3, 1 - i * 1e-3], g);
            return (g[0], g[1]);
        }
    }

    [Fact]
    public void Wrong_lengths_are_argument_errors()
    {
        var tape = (X + Y).Compile();
        Assert.Throws<ArgumentException>(() => tape.Evaluate([1]));
        Assert.Throws<ArgumentException>(() => tape.Gradient([1, 2], new double[3]));
    }
}
