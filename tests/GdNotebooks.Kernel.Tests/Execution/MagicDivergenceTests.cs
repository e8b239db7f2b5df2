using System.Text.Json;
using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Kernel.Tests.Execution;

/// <summary>
/// Diverging experiments as magic commands: the cell succeeds, the chart's Plotly JSON holds no NaN or Infinity, the
/// summary shown beside it says where the run diverged, and the next cell runs.
/// </summary>
public sealed class MagicDivergenceTests : IDisposable
{
    private readonly ExecutionEngine _engine = NotebookEngine.Create();

    public void Dispose() => _engine.Dispose();

    public static TheoryData<string, string> Cases => new()
    {
        { "#!descend --problem \"(w-3)^2\" --lr 1e300 --steps 20", "diverged at step 1" },
        { "#!lr-sweep --problem \"w^1000\" --init 2 --lrs 0.1,1 --steps 5", "diverged at step 1" },
        { "#!lr-find --problem \"log(w)\" --steps 10", "not finite at the start" },
        { "#!schedule --problem \"log(w)\" --schedule constant --schedule cosine --steps 5", "diverged at step 0" },
        { "#!compare --problem \"x^2+y^2\" --init 1 --lr 1e300 --optimizer sgd --optimizer adam --steps 5", "diverged at step 1" },
        { "#!sharpness --eos --problem \"w^1000\" --init 2 --steps 10 --every 5", "diverged at step 1" },
        { "#!batch-noise --problem linreg:data=diabetes --batches 8,full --lr 1e300 --steps 5 --samples 10 --measure-after 3", "diverged at step 1" },
        { "#!landscape --problem \"(w-3)^2\" --lr 1e300 --steps 5 --mode 2d --resolution 5", "Training diverged at step 1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_diverging_magic_shows_a_finite_chart_and_says_where(string cell, string says)
    {
        var sink = new RecordingSink();
        var outcome = await _engine.ExecuteAsync(cell, sink);
        Assert.True(outcome.Status == ExecutionStatus.Ok, string.Join("\n", sink.Events.OfType<ExecutionFailed>().Select(f => f.Message)));

        var displays = sink.Events.OfType<DisplayProduced>().ToList();
        var chart = Assert.Single(displays, d => d.Bundle.Data.ContainsKey("application/vnd.plotly.v1+json"));
        string json = chart.Bundle.Data["application/vnd.plotly.v1+json"].ToJsonString();
        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("Infinity", json);
        using (JsonDocument.Parse(json)) { }
        Assert.Contains(says, displays[^1].Bundle.PlainTextValue + string.Concat(sink.Events.OfType<StreamText>().Select(s => s.Text)));

        var next = new RecordingSink();
        Assert.Equal(ExecutionStatus.Ok, (await _engine.ExecuteAsync("1 + 1", next)).Status);
    }
}
