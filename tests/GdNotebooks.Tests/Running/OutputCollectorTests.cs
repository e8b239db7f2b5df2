using System.Text.Json.Nodes;
using GdNotebooks.Cli.Notebooks;
using GdNotebooks.Cli.Running;
using GdNotebooks.Kernel.Execution;
using KernelBundle = GdNotebooks.Kernel.Execution.MimeBundle;

namespace GdNotebooks.Tests.Running;

/// <summary>Engine events become nbformat outputs as a Jupyter front end would save them.</summary>
public class OutputCollectorTests
{
    private readonly OutputCollector _collector = new();

    private static KernelBundle Plain(string text) => KernelBundle.PlainText(text);

    private NotebookCell Begin(int count)
    {
        var cell = NotebookCell.Code("x");
        _collector.BeginCell(cell, count);
        return cell;
    }

    [Fact]
    public void Consecutive_text_on_one_stream_is_one_output_and_a_switch_of_stream_starts_another()
    {
        var cell = Begin(1);
        _collector.Publish(new StreamText(OutputStream.StandardOutput, "a\n"));
        _collector.Publish(new StreamText(OutputStream.StandardOutput, "b\n"));
        _collector.Publish(new StreamText(OutputStream.StandardError, "warn\n"));
        _collector.Publish(new StreamText(OutputStream.StandardOutput, "c\n"));
        Assert.Equal([("stdout", "a\nb\n"), ("stderr", "warn\n"), ("stdout", "c\n")],
            cell.Outputs.Cast<StreamOutput>().Select(s => (s.Name, s.Text)));
    }

    [Fact]
    public void A_return_value_is_an_execute_result_with_the_execution_count()
    {
        var cell = Begin(7);
        _collector.Publish(new ReturnValue(42, Plain("42")));
        var result = Assert.IsType<ExecuteResultOutput>(Assert.Single(cell.Outputs));
        Assert.Equal(7, result.ExecutionCount);
        Assert.Equal(7, cell.ExecutionCount);
        Assert.Equal("42", GdNotebooks.Cli.Notebooks.MimeBundle.Text(result.Data, "text/plain"));
    }

    [Fact]
    public void A_failure_is_an_error_output_with_name_value_and_traceback()
    {
        var cell = Begin(1);
        _collector.Publish(new ExecutionFailed("DivideByZeroException", "Attempted to divide by zero.", ["System.DivideByZeroException: …", "   at cell 1, line 2"]));
        var error = Assert.IsType<ErrorOutput>(Assert.Single(cell.Outputs));
        Assert.Equal(("DivideByZeroException", "Attempted to divide by zero."), (error.Name, error.Value));
        Assert.Equal(["System.DivideByZeroException: …", "   at cell 1, line 2"], error.Traceback);
    }

    [Fact]
    public void An_update_replaces_the_data_of_the_earlier_display_in_place_even_from_a_later_cell()
    {
        var first = Begin(1);
        _collector.Publish(new DisplayProduced(Plain("0%"), "progress"));
        _collector.Publish(new StreamText(OutputStream.StandardOutput, "after\n"));
        _collector.Publish(new DisplayUpdated(Plain("50%"), "progress"));
        _collector.EndCell();
        var second = Begin(2);
        _collector.Publish(new DisplayUpdated(Plain("100%"), "progress"));
        _collector.Publish(new DisplayUpdated(Plain("ignored"), "unknown-id"));

        var display = Assert.IsType<DisplayDataOutput>(first.Outputs[0]);
        Assert.Equal("100%", GdNotebooks.Cli.Notebooks.MimeBundle.Text(display.Data, "text/plain"));
        Assert.IsType<StreamOutput>(first.Outputs[1]);
        Assert.Empty(second.Outputs);
    }

    [Fact]
    public void Json_mime_types_stay_json_and_per_mime_metadata_is_kept()
    {
        var cell = Begin(1);
        var data = new Dictionary<string, JsonNode>
        {
            ["application/vnd.plotly.v1+json"] = JsonNode.Parse("""{"data":[{"y":[1,2]}],"layout":{}}""")!,
            ["text/plain"] = JsonValue.Create("Figure"),
        };
        var metadata = new Dictionary<string, JsonNode> { ["image/png"] = new JsonObject { ["width"] = 10 } };
        _collector.Publish(new DisplayProduced(new KernelBundle(data, metadata), "fig"));
        var display = Assert.IsType<DisplayDataOutput>(Assert.Single(cell.Outputs));
        Assert.IsType<JsonObject>(display.Data["application/vnd.plotly.v1+json"]);
        Assert.Equal(10, display.Metadata["image/png"]!["width"]!.GetValue<int>());
    }

    [Fact]
    public void Clear_output_removes_at_once_and_clear_with_wait_removes_when_the_next_output_arrives()
    {
        var cell = Begin(1);
        _collector.Publish(new StreamText(OutputStream.StandardOutput, "one\n"));
        _collector.Publish(new ClearOutput(Wait: false));
        Assert.Empty(cell.Outputs);

        _collector.Publish(new StreamText(OutputStream.StandardOutput, "two\n"));
        _collector.Publish(new ClearOutput(Wait: true));
        Assert.Single(cell.Outputs);
        _collector.Publish(new StreamText(OutputStream.StandardOutput, "three\n"));
        Assert.Equal("three\n", Assert.IsType<StreamOutput>(Assert.Single(cell.Outputs)).Text);
    }

    [Fact]
    public void A_cleared_display_is_no_longer_updated()
    {
        var cell = Begin(1);
        _collector.Publish(new DisplayProduced(Plain("old"), "d"));
        _collector.Publish(new ClearOutput(Wait: false));
        _collector.Publish(new DisplayUpdated(Plain("new"), "d"));
        Assert.Empty(cell.Outputs);
    }

    [Fact]
    public void Events_after_the_cell_ended_and_failures_after_a_timeout_are_ignored()
    {
        var cell = Begin(1);
        _collector.DropFailures();
        _collector.Publish(new ExecutionFailed("OperationCanceledException", "The cell was interrupted.", []));
        _collector.Add(new ErrorOutput(NotebookRunner.TimeoutErrorName, "timed out"));
        _collector.EndCell();
        _collector.Publish(new StreamText(OutputStream.StandardOutput, "stray thread\n"));
        Assert.Equal(NotebookRunner.TimeoutErrorName, Assert.IsType<ErrorOutput>(Assert.Single(cell.Outputs)).Name);
    }

    [Fact]
    public void Beginning_a_cell_drops_its_old_outputs()
    {
        var cell = NotebookCell.Code("x");
        cell.Outputs.Add(new StreamOutput("stdout", "from last week\n"));
        _collector.BeginCell(cell, 3);
        Assert.Empty(cell.Outputs);
        Assert.Equal(3, cell.ExecutionCount);
    }
}
