using System.Text.Json;
using GdNotebooks.Problems;
using GdNotebooks.Problems.Analytic;
using GdNotebooks.Specs;

namespace GdNotebooks.Tests.Optimizers;

/// <summary>One recorded torch run from Fixtures/torch_reference.json (written by tests/reference/make_torch_reference.py).</summary>
public sealed record TorchCase(string Name, string Problem, double[] Init, string Optimizer, string Schedule, double Lr, double[] Lrs, double[][] Parameters);

/// <summary>The recorded torch trajectories, loaded once.</summary>
internal static class TorchReference
{
    private sealed record LeastSquaresData(double[][] X, double[][] Y);

    private sealed record Document(string Source, LeastSquaresData LeastSquares, TorchCase[] Cases);

    private static readonly Lazy<Document> Loaded = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "torch_reference.json");
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return JsonSerializer.Deserialize<Document>(File.ReadAllText(path), options)!;
    });

    public static IReadOnlyList<TorchCase> Cases => Loaded.Value.Cases;

    public static TorchCase Case(string name) => Cases.Single(c => c.Name == name);

    public static IProblem Problem(string name) => name switch
    {
        "least_squares" => new LeastSquaresTestProblem(Loaded.Value.LeastSquares.X, Loaded.Value.LeastSquares.Y),
        _ when name.StartsWith("quadratic") => Quadratic.FromSpec(Spec.Parse(name)),
        _ when name.StartsWith("rosenbrock") => Rosenbrock.FromSpec(Spec.Parse(name)),
        _ => throw new ArgumentException($"no problem '{name}' in the parity tests"),
    };
}
