using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using GdNotebooks.Charts;
using static GdNotebooks.Tests.Charts.FigureJson;

namespace GdNotebooks.Tests.Charts;

/// <summary>JSON never holds NaN or Infinity: non-finite points become null, which plotly.js draws as gaps.</summary>
public sealed class NonFiniteTests
{
    [Fact]
    public void Non_finite_points_become_null_everywhere()
    {
        var figure = new Figure()
            .Add(new ScatterTrace { X = new[] { 0.0, double.NaN, 2 }, Y = new[] { 1.0, double.PositiveInfinity, double.NegativeInfinity } })
            .Add(new HeatmapTrace { Z = new[,] { { 1, double.NaN }, { double.PositiveInfinity, 4 } }, ZMax = double.NaN })
            .Add(new BarTrace { Y = new[] { 1.0 }, ErrorY = new[] { double.NaN } })
            .WithShape(Shape.VerticalLine(double.PositiveInfinity))
            .WithAxis("x", a => a with { Range = [double.NegativeInfinity, 1] });
        string json = figure.ToJson();
        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("Infinity", json);
        JsonElement root = Parse(figure);
        JsonElement scatter = root.GetProperty("data")[0];
        Assert.Equal(JsonValueKind.Null, scatter.GetProperty("x")[1].ValueKind);
        Assert.Equal(JsonValueKind.Null, scatter.GetProperty("y")[1].ValueKind);
        Assert.Equal(JsonValueKind.Null, scatter.GetProperty("y")[2].ValueKind);
        Assert.Equal(2, scatter.GetProperty("x")[2].GetDouble());
        JsonElement heatmap = root.GetProperty("data")[1];
        Assert.Equal(JsonValueKind.Null, heatmap.GetProperty("z")[0][1].ValueKind);
        Assert.Equal(JsonValueKind.Null, heatmap.GetProperty("z")[1][0].ValueKind);
        Assert.Equal(JsonValueKind.Null, heatmap.GetProperty("zmax").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("data")[2].GetProperty("error_y").GetProperty("array")[0].ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("layout").GetProperty("shapes")[0].GetProperty("x0").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("layout").GetProperty("xaxis").GetProperty("range")[0].ValueKind);
    }

    [Fact]
    public void Any_doubles_give_valid_json_without_nan_or_infinity()
    {
        Prop.ForAll<double[], double[]>((x, y) =>
        {
            var figure = new Figure()
                .Add(new ScatterTrace { X = x, Y = y })
                .Add(new ContourTrace { Z = new[] { x, y } });
            string json = figure.ToJson();
            using var document = JsonDocument.Parse(json);
            JsonElement ys = document.RootElement.GetProperty("data")[0].GetProperty("y");
            bool nullsWhereNonFinite = ys.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null)
                .SequenceEqual(y.Select(v => !double.IsFinite(v)));
            return !json.Contains("NaN") && !json.Contains("Infinity") && nullsWhereNonFinite;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Divergence_is_marked_at_the_first_non_finite_step()
    {
        var figure = new Figure()
            .Add(new ScatterTrace { X = new[] { 0, 1, 2, 3, 4 }, Y = new[] { 1, 10, 1e200, double.PositiveInfinity, double.NaN }, Name = "sgd lr=1" })
            .Add(new ScatterTrace { Y = new[] { 1.0, 0.5, 0.25 }, Name = "sgd lr=0.1" })
            .MarkDivergences();
        var shapes = Layout(figure).GetProperty("shapes").EnumerateArray().ToList();
        JsonElement mark = Assert.Single(shapes);
        Assert.Equal(3, mark.GetProperty("x0").GetDouble());
        Assert.Equal("sgd lr=1 diverged at step 3", mark.GetProperty("label").GetProperty("text").GetString());
        Assert.Equal("dot", mark.GetProperty("line").GetProperty("dash").GetString());
    }

    [Fact]
    public void Divergence_without_x_uses_the_index_and_the_traces_axes()
    {
        var figure = Figure.Subplots(1, 2).Add(new ScatterTrace { Y = new[] { 1.0, double.NaN } }, 1, 2).MarkDivergences();
        JsonElement mark = Layout(figure).GetProperty("shapes")[0];
        Assert.Equal(1, mark.GetProperty("x0").GetDouble());
        Assert.Equal("x2", mark.GetProperty("xref").GetString());
        Assert.Equal("y2 domain", mark.GetProperty("yref").GetString());
        Assert.Equal("diverged at step 1", mark.GetProperty("label").GetProperty("text").GetString());
    }

    [Fact]
    public void Explicit_divergence_marker_names_the_step() =>
        Assert.Equal("diverged at step 42", Layout(new Figure().WithDivergenceAt(42)).GetProperty("shapes")[0]
            .GetProperty("label").GetProperty("text").GetString());

    [Fact]
    public void Free_form_arguments_refuse_nan_rather_than_write_it()
    {
        var step = new SliderStep { Label = "x", Args = [new System.Text.Json.Nodes.JsonObject { ["x"] = double.NaN }] };
        Assert.ThrowsAny<ArgumentException>(() => new Figure().WithSlider(new Slider { Steps = [step] }).ToJson());
    }
}
