using System.Text.Json;
using System.Text.Json.Nodes;
using GdNotebooks.Cli.Worker;
using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Tests.Worker;

/// <summary>The worker protocol: every engine event survives one JSON line unchanged, and lines that are not messages are refused.</summary>
public class WorkerMessageTests
{
    private static readonly MimeBundle Figure = new(
        new Dictionary<string, JsonNode>
        {
            ["text/plain"] = JsonValue.Create("figure: 1 trace\nline two")!,
            ["text/html"] = JsonValue.Create("<div id=\"p\"></div><script>if (a < b && c > d) {}</script>")!,
            ["application/vnd.plotly.v1+json"] = JsonNode.Parse("""{"data":[{"type":"scatter","y":[1,null,3.5]}],"layout":{}}""")!,
        },
        new Dictionary<string, JsonNode> { ["text/html"] = JsonNode.Parse("""{"isolated":true}""")! });

    public static TheoryData<string> EventNames => ["stdout", "stderr", "display", "update", "result", "error", "clear"];

    private static ExecutionEvent Event(string name) => name switch
    {
        "stdout" => new StreamText(OutputStream.StandardOutput, "é ✓ \"quoted\"\r\n\ttab\u2028"),
        "stderr" => new StreamText(OutputStream.StandardError, "warn\n"),
        "display" => new DisplayProduced(Figure, "d1"),
        "update" => new DisplayUpdated(MimeBundle.PlainText("3"), "d1"),
        "result" => new ReturnValue(42, Figure),
        "error" => new ExecutionFailed("DivideByZeroException", "Attempted to divide by zero.", ["System.DivideByZeroException: …", "   at cell 2, line 3"]),
        "clear" => new ClearOutput(true),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(EventNames))]
    public void An_event_crosses_as_one_line_and_comes_back_equal(string name)
    {
        var sent = Event(name);
        string line = WorkerMessage.From(sent).ToLine();

        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        Assert.StartsWith("{\"type\":\"", line);
        var received = WorkerMessage.Parse(line).ToEvent();
        Assert.Equal(Describe(sent), Describe(received!));
    }

    [Fact]
    public void Requests_and_the_outcome_round_trip()
    {
        Assert.Equal("{\"type\":\"execute\",\"source\":\"var x = 1;\\nx\"}", new WorkerMessage.Execute("var x = 1;\nx").ToLine());
        Assert.IsType<WorkerMessage.Interrupt>(WorkerMessage.Parse("{\"type\":\"interrupt\"}"));
        Assert.Equal("{\"type\":\"open\",\"base_directory\":\"/tmp/nb\"}", new WorkerMessage.Open("/tmp/nb").ToLine());
        Assert.Equal(new WorkerMessage.Open(null), WorkerMessage.Parse(new WorkerMessage.Open(null).ToLine()));
        Assert.IsType<WorkerMessage.Ready>(WorkerMessage.Parse("{\"type\":\"ready\"}"));

        var failed = new ExecutionOutcome(ExecutionStatus.Interrupted, new ExecutionFailed("OperationCanceledException", "The cell was interrupted.", ["x"]));
        var done = Assert.IsType<WorkerMessage.Done>(WorkerMessage.Parse(WorkerMessage.From(failed).ToLine()));
        var back = done.ToOutcome();
        Assert.Equal((ExecutionStatus.Interrupted, "OperationCanceledException", "The cell was interrupted.", "x"),
            (back.Status, back.Failure!.ErrorName, back.Failure.Message, Assert.Single(back.Failure.Traceback)));
        Assert.Equal(ExecutionOutcome.Ok, WorkerMessage.Parse(WorkerMessage.From(ExecutionOutcome.Ok).ToLine()) is WorkerMessage.Done ok ? ok.ToOutcome() : null);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("42")]
    [InlineData("{\"type\":\"launch_missiles\"}")]
    [InlineData("{\"source\":\"1\"}")]
    [InlineData("null")]
    public void A_line_that_is_not_a_message_is_refused_with_a_json_exception(string line)
    {
        Assert.ThrowsAny<JsonException>(() => WorkerMessage.Parse(line));
    }

    private static string Describe(ExecutionEvent e) => e switch
    {
        StreamText t => $"stream {t.Stream} {t.Text}",
        DisplayProduced d => $"display {d.DisplayId} {Bundle(d.Bundle)}",
        DisplayUpdated u => $"update {u.DisplayId} {Bundle(u.Bundle)}",
        ReturnValue r => $"result {Bundle(r.Bundle)}",
        ExecutionFailed f => $"error {f.ErrorName} {f.Message} {string.Join("|", f.Traceback)}",
        ClearOutput c => $"clear {c.Wait}",
        _ => e.GetType().Name,
    };

    private static string Bundle(MimeBundle bundle) =>
        string.Join(";", bundle.Data.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value.ToJsonString()}"))
        + " meta " + string.Join(";", (bundle.Metadata ?? new Dictionary<string, JsonNode>()).OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value.ToJsonString()}"));
}
