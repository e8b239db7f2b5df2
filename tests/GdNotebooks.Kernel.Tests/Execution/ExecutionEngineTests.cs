using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Kernel.Tests.Execution;

public sealed class ExecutionEngineTests : IDisposable
{
    private readonly ExecutionEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    private Task<(ExecutionOutcome Outcome, RecordingSink Sink)> Run(string code, CancellationToken ct = default) => _engine.RunCellAsync(code, ct);

    [Fact]
    public async Task Warm_up_compiles_the_compiler_once_per_process_and_leaves_cells_as_they_were()
    {
        Assert.Same(ExecutionEngine.WarmUpCompilerAsync(), ExecutionEngine.WarmUpCompilerAsync());
        await _engine.WarmUpAsync();
        var (outcome, sink) = await Run("var warmed = 41; warmed + 1");
        Assert.Equal(ExecutionStatus.Ok, outcome.Status);
        Assert.Equal(42, sink.Single<ReturnValue>().Value);
    }

    [Fact]
    public async Task State_carries_across_cells()
    {
        await Run("var x = 20;");
        await Run("int Twice(int v) => 2 * v;");
        var (outcome, sink) = await Run("Twice(x) + 2");
        Assert.Equal(ExecutionStatus.Ok, outcome.Status);
        Assert.Equal(42, sink.Single<ReturnValue>().Value);
        Assert.Equal("42", sink.Single<ReturnValue>().Bundle.PlainTextValue);
    }

    [Fact]
    public async Task Trailing_expression_is_returned_but_statements_and_void_calls_are_not()
    {
        Assert.Empty((await Run("var y = 1;")).Sink.Events);
        Assert.Empty((await Run("Console.Write(\"\")")).Sink.Events.OfType<ReturnValue>());
        Assert.Equal("null", (await Run("(string?)null")).Sink.Single<ReturnValue>().Bundle.PlainTextValue);
    }

    [Fact]
    public async Task Library_namespaces_are_imported()
    {
        var (outcome, sink) = await Run("typeof(UsageException).Name");
        Assert.Equal(ExecutionStatus.Ok, outcome.Status);
        Assert.Equal("UsageException", sink.Single<ReturnValue>().Value);
    }

    [Fact]
    public async Task Display_then_update_share_an_id()
    {
        var (_, sink) = await Run("var h = display(1); h.Update(2);");
        var shown = sink.Single<DisplayProduced>();
        var updated = sink.Single<DisplayUpdated>();
        Assert.Equal(shown.DisplayId, updated.DisplayId);
        Assert.Equal("1", shown.Bundle.PlainTextValue);
        Assert.Equal("2", updated.Bundle.PlainTextValue);

        var (_, later) = await Run("h.Update(3);");
        Assert.Equal("3", later.Single<DisplayUpdated>().Bundle.PlainTextValue);
    }

    [Fact]
    public async Task Display_with_a_mime_type_takes_a_string_as_content()
    {
        var (_, sink) = await Run("display(\"<b>hi</b>\", \"text/html\");");
        Assert.Equal("<b>hi</b>", sink.Single<DisplayProduced>().Bundle.Data["text/html"].GetValue<string>());
    }

    [Fact]
    public async Task Console_output_keeps_its_order_with_displays()
    {
        var (_, sink) = await Run("Console.WriteLine(\"a\"); display(\"b\"); Console.Error.WriteLine(\"c\"); 4");
        var kinds = sink.Events.Select(e => e switch
        {
            StreamText s => s.Stream + ":" + s.Text.Trim(),
            DisplayProduced d => "display:" + d.Bundle.PlainTextValue,
            ReturnValue r => "return:" + r.Bundle.PlainTextValue,
            _ => e.GetType().Name,
        });
        Assert.Equal(["StandardOutput:a", "display:b", "StandardError:c", "return:4"], kinds);
    }

    [Fact]
    public async Task Console_output_streams_before_the_cell_ends()
    {
        // Compare with the later write rather than the clock: compilation time varies with machine load,
        // the 800 ms between the two writes does not. Buffered-until-the-end output would arrive together.
        var (_, sink) = await Run("Console.WriteLine(\"early\"); await Task.Delay(800); Console.WriteLine(\"late\");");
        var early = sink.Timed.First(e => e.Event is StreamText { Text: var t } && t.Contains("early"));
        var late = sink.Timed.First(e => e.Event is StreamText { Text: var t } && t.Contains("late"));
        Assert.True(late.At - early.At > TimeSpan.FromMilliseconds(400), $"early output came only {(late.At - early.At).TotalMilliseconds} ms before the late one");
    }

    [Fact]
    public async Task Output_from_a_task_started_by_the_cell_reaches_the_cell()
    {
        var (_, sink) = await Run("await Task.Run(() => Console.WriteLine(\"from a task\"));");
        Assert.Contains("from a task", sink.StandardOutput);
    }

    [Fact]
    public async Task Compile_errors_give_line_and_column_and_keep_the_state()
    {
        await Run("var kept = 5;");
        var (outcome, sink) = await Run("var a = 1;\nvar b = undefinedThing;");
        Assert.Equal(ExecutionStatus.Error, outcome.Status);
        var failure = sink.Single<ExecutionFailed>();
        Assert.Equal(ExecutionFailed.CompilationError, failure.ErrorName);
        Assert.Contains("(2,9): error CS0103", failure.Message);
        Assert.Equal(5, (await Run("kept")).Sink.Single<ReturnValue>().Value);
    }

    [Fact]
    public async Task Exceptions_report_type_message_and_a_trace_trimmed_to_the_cell()
    {
        var (outcome, sink) = await Run("void Boom() => throw new InvalidOperationException(\"bad step\");\nBoom();");
        Assert.Equal(ExecutionStatus.Error, outcome.Status);
        var failure = sink.Single<ExecutionFailed>();
        Assert.Equal("InvalidOperationException", failure.ErrorName);
        Assert.Equal("bad step", failure.Message);
        Assert.StartsWith("System.InvalidOperationException: bad step", failure.Traceback[0]);
        Assert.Contains(failure.Traceback, l => l.Contains("Boom"));
        Assert.DoesNotContain(failure.Traceback, l => l.Contains("Microsoft.CodeAnalysis"));
        Assert.Equal(ExecutionStatus.Ok, (await Run("1")).Outcome.Status);
    }

    [Fact]
    public async Task Interrupt_cancels_the_cell_token()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var (outcome, sink) = await Run("while (true) { CancellationToken.ThrowIfCancellationRequested(); Thread.Sleep(10); }", cts.Token);
        Assert.Equal(ExecutionStatus.Interrupted, outcome.Status);
        Assert.Equal(nameof(OperationCanceledException), sink.Single<ExecutionFailed>().ErrorName);
    }

    [Fact]
    public async Task ClearOutput_is_an_event()
    {
        var (_, sink) = await Run("ClearOutput(wait: true);");
        Assert.True(sink.Single<ClearOutput>().Wait);
    }

    [Fact]
    public async Task Hash_r_loads_an_assembly_by_path()
    {
        var path = typeof(System.Xml.Linq.XDocument).Assembly.Location;
        var (outcome, sink) = await Run($"#r \"{path}\"\nnew System.Xml.Linq.XElement(\"a\").ToString()");
        Assert.Equal(ExecutionStatus.Ok, outcome.Status);
        Assert.Equal("<a />", sink.Single<ReturnValue>().Value);
    }

    [Fact]
    public async Task Magic_lines_go_to_the_handler_and_errors_count_them_as_lines()
    {
        var handler = new RecordingMagicHandler();
        _engine.MagicHandler = handler;
        var (outcome, sink) = await Run("#!echo hello\nvar z = nope;");
        Assert.Equal(["#!echo hello"], handler.Lines);
        Assert.Equal(ExecutionStatus.Error, outcome.Status);
        Assert.Contains("(2,9): error CS0103", sink.Single<ExecutionFailed>().Message);
    }

    [Fact]
    public async Task Without_a_handler_a_magic_fails_by_name()
    {
        var (outcome, sink) = await Run("#!lr-sweep --problem quadratic");
        Assert.Equal(ExecutionStatus.Error, outcome.Status);
        Assert.Contains("#!lr-sweep", sink.Single<ExecutionFailed>().Message);
    }

    private sealed class RecordingMagicHandler : IMagicHandler
    {
        public List<string> Lines { get; } = [];

        public Task<bool> InvokeAsync(MagicInvocation invocation, CancellationToken cancellationToken)
        {
            Lines.Add(invocation.Line);
            return Task.FromResult(true);
        }
    }
}
