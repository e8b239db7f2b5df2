using System.Text.Json;
using GdNotebooks.Charts;
using GdNotebooks.Interactive.Formatting;
using GdNotebooks.Kernel.Execution;
using GdNotebooks.Problems;
using GdNotebooks.Training;

namespace GdNotebooks.Kernel.Tests.Formatting;

/// <summary>Results, figures and tables of records through .NET Interactive's formatter library and the kernel's formatter on top.</summary>
public sealed class InteractiveMimeFormatterTests
{
    private static readonly string[] ChartTypes = ["application/vnd.plotly.v1+json", "text/html", "text/plain"];
    private readonly InteractiveMimeFormatter _formatter = new();

    private static Trajectory Descend(double lr, int steps) =>
        GradientDescent.Run(new DescentSettings { Problem = Problem.Parse("(w-3)^2"), Init = [0], LearningRate = lr, Steps = steps });

    private sealed record Row(string Name, double Loss, int? Step);

    [Fact]
    public void A_trajectory_renders_as_plotly_json_html_and_its_summary()
    {
        var trajectory = Descend(0.1, 5);
        var bundle = _formatter.Format(trajectory, []);
        Assert.Equal(ChartTypes.Order(), bundle.Data.Keys.Order());

        var plotly = JsonDocument.Parse(bundle.Data["application/vnd.plotly.v1+json"].ToJsonString()).RootElement;
        Assert.Equal(JsonValueKind.Array, plotly.GetProperty("data").ValueKind);
        Assert.Equal(6, plotly.GetProperty("data")[0].GetProperty("y").GetArrayLength());

        var html = bundle.Data["text/html"].GetValue<string>();
        Assert.Contains(System.Net.WebUtility.HtmlEncode(trajectory.Summary), html);
        Assert.Contains("<table class=\"gdnb-table\">", html);
        Assert.Contains("<th>grad_norm</th>", html);
        Assert.Contains("Plotly", html);
        Assert.Equal(trajectory.Summary, bundle.PlainTextValue);
    }

    [Fact]
    public void A_diverged_run_has_no_NaN_or_Infinity_in_its_plotly_json_and_its_note_in_plain_text()
    {
        var trajectory = Descend(10, 2000);
        Assert.NotNull(trajectory.DivergedAt);
        var bundle = _formatter.Format(trajectory, []);
        var json = bundle.Data["application/vnd.plotly.v1+json"].ToJsonString();
        JsonDocument.Parse(json);
        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("Infinity", json);
        Assert.Contains($"diverged at step {trajectory.DivergedAt}", bundle.PlainTextValue);
    }

    [Fact]
    public void A_figure_renders_as_plotly_json_html_and_one_line_of_text()
    {
        var figure = new Figure().Add(new ScatterTrace { X = new[] { 0.0, 1, 2 }, Y = new[] { 1.0, double.NaN, double.PositiveInfinity }, Name = "loss" })
            .WithTitle("loss");
        var bundle = _formatter.Format(figure, []);
        Assert.Equal(ChartTypes.Order(), bundle.Data.Keys.Order());
        var json = bundle.Data["application/vnd.plotly.v1+json"].ToJsonString();
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("scatter", root.GetProperty("data")[0].GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("data")[0].GetProperty("y")[1].ValueKind);
        Assert.DoesNotContain("NaN", json);
        Assert.Contains("<div id=\"gdnb-", bundle.Data["text/html"].GetValue<string>());
        Assert.Equal(figure.ToPlainText(), bundle.PlainTextValue);
        Assert.DoesNotContain('\n', bundle.PlainTextValue!);
    }

    [Fact]
    public void A_list_of_records_renders_as_a_table_in_html_and_plain_text()
    {
        var rows = new List<Row> { new("sgd", 0.25, 1), new("adam", double.NaN, null) };
        var bundle = _formatter.Format(rows, []);
        var html = bundle.Data["text/html"].GetValue<string>();
        Assert.StartsWith("<table class=\"gdnb-table\"><thead><tr><th>Name</th><th>Loss</th><th>Step</th></tr></thead>", html);
        Assert.Contains("<td>adam</td><td style=\"text-align:right\">nan</td><td></td>", html);

        var lines = bundle.PlainTextValue!.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("Name  Loss  Step", lines[0].Trim());
        Assert.Equal(" sgd  0.25     1", lines[1]);
    }

    [Fact]
    public void Long_tables_keep_their_first_and_last_rows()
    {
        var rows = Enumerable.Range(0, 1000).Select(i => new Row("r" + i, i, i)).ToList();
        var html = _formatter.Format(rows, []).Data["text/html"].GetValue<string>();
        Assert.Contains("<td>r0</td>", html);
        Assert.Contains("<td>r999</td>", html);
        Assert.Contains($"… {1000 - HtmlTable.MaxRows} more rows …", html);
        Assert.DoesNotContain("<td>r500</td>", html);
    }

    [Fact]
    public void Scalars_and_sequences_of_scalars_stay_plain()
    {
        Assert.Equal(["text/plain"], _formatter.Format(2, []).Data.Keys);
        Assert.Equal("4", _formatter.Format(Math.Sqrt(16.0), []).PlainTextValue);
        Assert.Equal("[ 1, 2, 3 ]", _formatter.Format(new[] { 1, 2, 3 }, []).PlainTextValue);
        Assert.Contains("<pre>[ 1, 2, 3 ]</pre>", _formatter.Format(new List<int> { 1, 2, 3 }, []).Data["text/html"].GetValue<string>());
        Assert.Equal("null", _formatter.Format(null, []).PlainTextValue);
    }

    [Fact]
    public void A_string_with_explicit_mime_types_is_content_and_registration_is_idempotent()
    {
        Assert.Equal("<b>hi</b>", _formatter.Format("<b>hi</b>", ["text/html"]).Data["text/html"].GetValue<string>());
        GdNotebooksFormatters.Register();
        GdNotebooksFormatters.Register();
        Assert.True(GdNotebooksFormatters.IsRegistered);
        Assert.Equal(ChartTypes, GdNotebooksFormatters.MimeTypesFor(Descend(0.1, 1)));
    }
}
