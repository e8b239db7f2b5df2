using System.Text.Json;
using GdNotebooks.Experiments;
using GdNotebooks.Interactive.Commands;
using GdNotebooks.Tests.Cli;
using GdNotebooks.Tests.Notebooks;

namespace GdNotebooks.Tests.Experiments;

/// <summary>
/// Every experiment verb at absurd learning rates, on formulas that overflow, and on losses that are NaN from log(0):
/// no exception; the summary or notes say where it diverged and a <c>diverged_at</c> (or <c>stopped</c>) field in the
/// JSON carries the step; the JSON and the figure's Plotly JSON parse and hold no NaN or Infinity; the CSV and table
/// are written; and the same command through <c>gdnb</c> exits 0 with its chart page.
/// </summary>
public class DivergenceTests
{
    /// <summary>(verb, why, what the summary or notes must say, the JSON property that must hold a step, arguments).</summary>
    public static TheoryData<string, string, string, string, string[]> Cases => new()
    {
        { "descend", "lr 1e6", "diverged at step", "diverged_at", ["--problem", "(w-3)^2", "--lr", "1e6", "--steps", "50"] },
        { "descend", "lr 1e300", "diverged at step 1", "diverged_at", ["--problem", "(w-3)^2", "--lr", "1e300", "--steps", "50"] },
        { "descend", "w^1000 overflows", "diverged at step 1", "diverged_at", ["--problem", "w^1000", "--init", "2", "--steps", "5"] },
        { "descend", "exp(w)^10 overflows at the start", "diverged at step 0", "diverged_at", ["--problem", "exp(w)^10", "--init", "100", "--steps", "5"] },
        { "descend", "log(w) at 0", "diverged at step 0", "diverged_at", ["--problem", "log(w)", "--steps", "5"] },
        { "descend", "log(w^2) at 0", "diverged at step 0", "diverged_at", ["--problem", "log(w^2)", "--steps", "5"] },
        { "descend", "log(w) stepping below 0", "diverged at step 1", "diverged_at", ["--problem", "log(w)", "--init", "1", "--lr", "10", "--steps", "5"] },
        { "descend", "adam on an overflowing exp", "diverged at step 0", "diverged_at", ["--problem", "exp(x)", "--init", "1000", "--optimizer", "adam", "--steps", "5"] },
        { "descend", "newton at lr 1e300 on a saddle", "diverged at step", "diverged_at", ["--problem", "x^2-y^2", "--init", "1", "--optimizer", "newton", "--lr", "1e300", "--steps", "5"] },
        { "lr-sweep", "lr up to 1e300", "α = 1e300 diverged at step 1", "diverged_at", ["--problem", "(w-3)^2", "--lrs", "1e-3,1e6,1e300", "--steps", "20"] },
        { "lr-sweep", "w^1000 overflows", "diverged at step 1", "diverged_at", ["--problem", "w^1000", "--init", "2", "--lrs", "0.1,1", "--steps", "5"] },
        { "lr-sweep", "log(w) stepping below 0", "diverged at step", "diverged_at", ["--problem", "log(w)", "--init", "1", "--lrs", "0.1,10", "--steps", "5"] },
        { "lr-sweep", "every rate NaN from log(0)", "every rate diverged", "diverged_at", ["--problem", "log(w)", "--lrs", "0.1,1", "--steps", "5"] },
        { "lr-find", "rates up to 1e300", "stopped early", "stopped", ["--problem", "(w-3)^2", "--min-lr", "1e6", "--max-lr", "1e300", "--steps", "50"] },
        { "lr-find", "a range too wide for maxLr/minLr", "stopped early", "stopped", ["--problem", "(w-3)^2", "--min-lr", "1e-300", "--max-lr", "1e300", "--steps", "50"] },
        { "lr-find", "w^1000 overflows", "non-finite at step 0", "diverged_at", ["--problem", "w^1000", "--init", "2", "--steps", "10"] },
        { "lr-find", "log(w) at 0", "not finite at the start", "stopped", ["--problem", "log(w)", "--steps", "10"] },
        { "schedule", "lr 1e300", "constant diverged at step 1", "diverged_at", ["--problem", "(w-3)^2", "--lr", "1e300", "--schedule", "constant", "--schedule", "cosine", "--steps", "20"] },
        { "schedule", "a schedule whose rate overflows", "exponential:gamma=1e300 diverged at step", "diverged_at", ["--problem", "(w-3)^2", "--lr", "1e6", "--schedule", "constant", "--schedule", "exponential:gamma=1e300", "--steps", "5"] },
        { "schedule", "log(w) at 0", "diverged at step 0", "diverged_at", ["--problem", "log(w)", "--schedule", "constant", "--schedule", "cosine", "--steps", "5"] },
        { "compare", "lr 1e300", "sgd diverged at step 1", "diverged_at", ["--problem", "(w-3)^2", "--lr", "1e300", "--optimizer", "sgd", "--optimizer", "adam", "--steps", "20"] },
        { "compare", "lr 1e300 over a contour", "diverged at step 1", "diverged_at", ["--problem", "x^2+y^2", "--init", "1", "--lr", "1e300", "--optimizer", "sgd", "--optimizer", "sgd:momentum=0.9", "--steps", "20"] },
        { "compare", "log(x) stepping below 0 over a contour", "diverged at step", "diverged_at", ["--problem", "log(x)+y^2", "--init", "1", "--lr", "10", "--optimizer", "sgd", "--optimizer", "adam", "--steps", "5"] },
        { "compare", "w^1000 overflows", "sgd diverged at step 1", "diverged_at", ["--problem", "w^1000", "--init", "2", "--optimizer", "sgd", "--optimizer", "adam", "--steps", "5"] },
        { "sharpness", "lr 1e300 on a network", "diverged at step 1", "diverged_at", ["--problem", "mlp:data=iris,hidden=[8]", "--batches", "8,full", "--lr", "1e300", "--steps", "20"] },
        { "sharpness", "edge of stability at lr 1e300", "diverged at step 1", "diverged_at", ["--eos", "--problem", "(w-3)^2", "--lr", "1e300", "--steps", "20", "--every", "5"] },
        { "sharpness", "edge of stability on log(w) at 0", "diverged at step 0", "diverged_at", ["--eos", "--problem", "log(w)", "--steps", "20", "--every", "5"] },
        { "sharpness", "edge of stability on w^1000", "diverged at step 1", "diverged_at", ["--eos", "--problem", "w^1000", "--init", "2", "--steps", "20", "--every", "5"] },
        { "batch-noise", "lr 1e300", "diverged at step 1", "diverged_at", ["--problem", "linreg:data=diabetes", "--batches", "8,full", "--lr", "1e300", "--steps", "20", "--samples", "20"] },
        { "batch-noise", "measured after diverging", "before the measurement diverged at step 1", "measure_diverged_at", ["--problem", "linreg:data=diabetes", "--batches", "8,full", "--lr", "1e300", "--steps", "20", "--samples", "20", "--measure-after", "5"] },
        { "landscape", "1d after training at lr 1e300", "training to the trained point diverged at step 1", "diverged_at", ["--problem", "(w-3)^2", "--lr", "1e300", "--steps", "20"] },
        { "landscape", "2d after training at lr 1e300", "Training diverged at step 1", "diverged_at", ["--problem", "(w-3)^2", "--lr", "1e300", "--steps", "20", "--mode", "2d", "--resolution", "5"] },
        { "landscape", "1d on log(w) from 0", "diverged at step 0", "diverged_at", ["--problem", "log(w)", "--steps", "20"] },
        { "landscape", "2d on w^1000", "diverged at step 1", "diverged_at", ["--problem", "w^1000", "--init", "2", "--steps", "5", "--mode", "2d", "--resolution", "5"] },
        { "landscape", "2d on a network at lr 1e300", "diverged at step 1", "diverged_at", ["--problem", "mlp:data=iris,hidden=[8]", "--lr", "1e300", "--steps", "5", "--mode", "2d", "--resolution", "5"] },
        { "landscape", "1d between two diverged batch sizes", "B=8 minimum diverged at step 1", "diverged_at", ["--problem", "linreg:data=diabetes", "--lr", "1e300", "--steps", "5", "--batches", "8,full"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_diverging_run_is_a_finite_result_that_says_where(string verb, string why, string says, string field, string[] args)
    {
        _ = why;
        var command = ExperimentCommands.Find(verb)!;
        IExperimentResult result = command.Plan(command.Spec.Parse(args)).Run(null, CancellationToken.None);

        string words = result.Summary + "\n" + string.Join("\n", result.Notes);
        Assert.Contains(says, words);

        string json = result.ToJson();
        AssertFiniteJson(json);
        Assert.True(HasValue(JsonDocument.Parse(json).RootElement, field), $"no non-null \"{field}\" in {json}");

        string figure = result.ToFigure().ToJson();
        AssertFiniteJson(figure);
        Assert.NotEmpty(JsonDocument.Parse(figure).RootElement.GetProperty("data").EnumerateArray());

        // At least the header: a range test whose start is already NaN has no rows to show.
        var csv = result.ToCsv().TrimEnd().Split('\n');
        Assert.Contains(",", csv[0]);
        Assert.NotEmpty(result.ToTable());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_same_run_through_gdnb_exits_0_with_finite_json_and_a_chart(string verb, string why, string says, string field, string[] args)
    {
        _ = (why, says, field);
        using var dir = new ScratchDirectory();
        string chart = dir.File("chart.html");
        var (exit, stdout, stderr) = GdnbRunner.Run([verb, .. args, "--format", "json", "--chart", chart]);

        Assert.True(exit == 0, stderr);
        AssertFiniteJson(stdout);
        ChartJson.FromPage(chart); // parses: JsonDocument refuses NaN and Infinity
        Assert.Contains($"chart written to {chart}", stderr);
    }

    private static void AssertFiniteJson(string json)
    {
        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("Infinity", json);
        using var _ = JsonDocument.Parse(json);
    }

    /// <summary>Whether a property called <paramref name="name"/> holds something other than null anywhere in the document.</summary>
    private static bool HasValue(JsonElement element, string name) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Any(p =>
            (p.Name == name && p.Value.ValueKind != JsonValueKind.Null) || HasValue(p.Value, name)),
        JsonValueKind.Array => element.EnumerateArray().Any(e => HasValue(e, name)),
        _ => false,
    };
}
