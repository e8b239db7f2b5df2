using System.Text.Json;
using GdNotebooks.Charts;
using static GdNotebooks.Tests.Charts.FigureJson;

namespace GdNotebooks.Tests.Charts;

/// <summary>Sliders and buttons restyle <c>visible</c> with one flag per trace, so a static page can switch curves.</summary>
public sealed class SliderJsonTests
{
    private static Figure ThreeRates(int active = 0) => new Figure()
        .Add(new ScatterTrace { Name = "backdrop" })
        .WithTraceSlider("learning rate",
        [
            new TraceGroup("0.01", new ScatterTrace { Name = "a" }, new ScatterTrace { Name = "a'" }),
            new TraceGroup("0.1", new ScatterTrace { Name = "b" }),
            new TraceGroup("1", new ScatterTrace { Name = "c" }),
        ], active);

    [Fact]
    public void Slider_steps_restyle_visibility_with_a_flag_per_trace()
    {
        JsonElement slider = Layout(ThreeRates()).GetProperty("sliders")[0];
        Assert.Equal(0, slider.GetProperty("active").GetInt32());
        Assert.Equal("learning rate = ", slider.GetProperty("currentvalue").GetProperty("prefix").GetString());
        var steps = slider.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["0.01", "0.1", "1"], steps.Select(s => s.GetProperty("label").GetString()));
        Assert.All(steps, s => Assert.Equal("restyle", s.GetProperty("method").GetString()));
        bool[][] flags = steps.Select(s => Bools(s.GetProperty("args")[0].GetProperty("visible"))).ToArray();
        Assert.Equal([true, true, true, false, false], flags[0]);
        Assert.Equal([true, false, false, true, false], flags[1]);
        Assert.Equal([true, false, false, false, true], flags[2]);
    }

    [Fact]
    public void Only_the_active_group_starts_visible()
    {
        var data = Parse(ThreeRates(active: 1)).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(5, data.Count);
        Assert.False(data[0].TryGetProperty("visible", out _)); // the backdrop is left as it was
        Assert.Equal([false, false, true, false], data.Skip(1).Select(t => t.GetProperty("visible").GetBoolean()));
    }

    [Fact]
    public void Buttons_carry_the_same_visibility()
    {
        var figure = new Figure().WithTraceButtons([new TraceGroup("sgd", new ScatterTrace()), new TraceGroup("adam", new ScatterTrace())]);
        JsonElement menu = Layout(figure).GetProperty("updatemenus")[0];
        Assert.Equal("buttons", menu.GetProperty("type").GetString());
        var buttons = menu.GetProperty("buttons").EnumerateArray().ToList();
        Assert.Equal(["sgd", "adam"], buttons.Select(b => b.GetProperty("label").GetString()));
        Assert.Equal([false, true], Bools(buttons[1].GetProperty("args")[0].GetProperty("visible")));
        Assert.Equal("dropdown", Layout(new Figure().WithTraceButtons([new TraceGroup("x", new ScatterTrace())], dropdown: true))
            .GetProperty("updatemenus")[0].GetProperty("type").GetString());
    }

    [Fact]
    public void Update_steps_can_change_the_layout_too()
    {
        var step = new SliderStep
        {
            Label = "b", Method = PlotlyMethod.Update,
            Args = PlotlyArgs.Visibility([false, true], new Dictionary<string, string> { ["title.text"] = "batch 32" }),
        };
        JsonElement json = Layout(new Figure().WithSlider(new Slider { Steps = [step] })).GetProperty("sliders")[0].GetProperty("steps")[0];
        Assert.Equal("update", json.GetProperty("method").GetString());
        Assert.Equal("batch 32", json.GetProperty("args")[1].GetProperty("title.text").GetString());
    }

    [Fact]
    public void Bad_groups_are_usage_errors()
    {
        Assert.Throws<UsageException>(() => new Figure().WithTraceSlider("lr", []));
        Assert.Throws<UsageException>(() => new Figure().WithTraceSlider("lr", [new TraceGroup("a", new ScatterTrace())], active: 1));
    }
}
