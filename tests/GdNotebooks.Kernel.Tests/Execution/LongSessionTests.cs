using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Kernel.Tests.Execution;

/// <summary>
/// A kernel used all day: the engine starts a new Roslyn submission chain every few cells and the user's
/// variables, methods, types, usings and references carry over without re-running anything.
/// </summary>
public sealed class LongSessionTests : IDisposable
{
    private readonly ExecutionEngine _engine = new() { CellsPerChain = 5 };

    public void Dispose() => _engine.Dispose();

    private async Task<RecordingSink> Ok(string code)
    {
        var sink = new RecordingSink();
        var outcome = await _engine.ExecuteAsync(code, sink);
        Assert.True(outcome.Status == ExecutionStatus.Ok, $"{code}\n→ {outcome.Status}: {outcome.Failure}");
        return sink;
    }

    private async Task<object?> Value(string code) => (await Ok(code)).Single<ReturnValue>().Value;

    [Fact]
    public async Task Variables_methods_types_usings_and_references_survive_chain_switches_and_statements_do_not_rerun()
    {
        var xml = typeof(System.Xml.Linq.XDocument).Assembly.Location;
        await Ok($"#r \"{xml}\"\nusing System.Xml.Linq;\nusing Vec = System.Collections.Generic.List<double>;\nvar counter = 0;");
        await Ok("""
            int n = 7;
            double[] xs = { 1, 2, 3 };
            var problem = Problem.Parse("(w-3)^2");
            var list = new Vec { 1.5, 2.5 };
            Func<double, double> square = v => v * v;
            const int Answer = 42;
            """);
        await Ok("double Scaled(double v) => v * n;\nrecord Pt(double X, double Y);\nvar pt = new Pt(3, 4); var anon = new { A = 1 };");
        var effect = await Ok("counter++; Console.WriteLine(\"side effect \" + counter);");
        Assert.Equal("side effect 1\n", effect.StandardOutput.Replace("\r\n", "\n"));
        await Ok("var element = new XElement(\"a\", \"b\"); var n2 = n * 2;");
        Assert.Equal(0, _engine.ChainSwitches);

        // The sixth cell starts a new chain first; its own output is all it shows.
        var first = await Ok("Scaled(2)");
        Assert.Equal(1, _engine.ChainSwitches);
        Assert.Equal(14.0, first.Single<ReturnValue>().Value);
        Assert.DoesNotContain("side effect", first.StandardOutput);

        Assert.Equal(1, await Value("counter"));
        Assert.Equal(20.0, await Value("n = 10; Scaled(2)"));          // the method reads the carried variable
        Assert.Equal(8.0, await Value("xs.Sum() + list.Count"));       // extension methods: static types kept
        Assert.Equal(4.0, await Value("problem.Loss(new double[] { 5 })"));
        Assert.Equal(9.0, await Value("square(3)"));
        Assert.Equal(42, await Value("Answer"));
        Assert.Equal(5.0, await Value("new Pt(1, 2).X + pt.Y"));       // Pt re-declared; pt is dynamic now
        Assert.Equal("<a>b</a>", await Value("element.ToString()"));
        Assert.Equal("<c />", await Value("new XElement(\"c\").ToString()"));
        Assert.Equal(1, await Value("new Vec { 1 }.Count"));
        Assert.Equal(14, await Value("n2"));
        Assert.Equal("{ A = 1 }", await Value("anon.ToString()"));
        Assert.Equal(1, await Value("anon.A"));

        Assert.Contains("int n", _engine.Inspect("n", 0)?.Signature);
        Assert.Contains("double[] xs", _engine.Inspect("xs", 0)?.Signature);
        Assert.Contains("IProblem problem", _engine.Inspect("problem", 0)?.Signature);
        Assert.Contains("dynamic pt", _engine.Inspect("pt", 0)?.Signature);

        // Later switches carry the carried state again, including what changed since.
        for (var i = 0; i < 6; i++) await Ok($"counter += 10; var late{i} = {i};");
        Assert.True(_engine.ChainSwitches >= 2, $"switches: {_engine.ChainSwitches}");
        Assert.Equal(61, await Value("counter"));
        Assert.Equal(30.0, await Value("Scaled(3)"));
        Assert.Equal(5, await Value("late5"));
        Assert.Equal(4.0, await Value("pt.Y"));
    }

    [Fact]
    public async Task A_later_declaration_of_a_name_wins()
    {
        await Ok("var a = 1; int F() => 1;");
        await Ok("var a = \"two\"; int F() => 2;");
        await Ok("string G() => a + F();");
        for (var i = 0; i < 3; i++) await Ok("1");
        Assert.Equal("two2", await Value("G()"));
        Assert.Equal(1, _engine.ChainSwitches);
        Assert.Contains("string a", _engine.Inspect("a", 0)?.Signature);
    }

    [Fact]
    public async Task A_carry_that_does_not_compile_keeps_the_old_chain_and_its_state()
    {
        // pts becomes dynamic after a switch, and a lambda cannot be passed to a dynamic call: the carry cannot compile.
        await Ok("record P(double X); var pts = new List<P> { new(1), new(2) }; double Total() => pts.Sum(p => p.X);");
        for (var i = 0; i < 4; i++) await Ok($"var v{i} = {i};");
        Assert.Equal(3.0, await Value("Total()"));
        Assert.Equal(0, _engine.ChainSwitches);
        Assert.Equal(3, await Value("v3"));
    }
}
