using GdNotebooks.Charts;

namespace GdNotebooks.Tests.Charts;

public sealed class PlainTextTests
{
    [Fact]
    public void Summary_names_traces_title_and_log_axes()
    {
        var figure = new Figure()
            .Add(new ScatterTrace(), new ScatterTrace(), new ScatterTrace())
            .WithTitle("Loss vs learning rate").WithLogX();
        Assert.Equal("Figure: 3 traces (scatter), title 'Loss vs learning rate', log x", figure.ToPlainText());
    }

    [Fact]
    public void Summary_mentions_grid_shapes_sliders_and_gaps()
    {
        var figure = Figure.Subplots(1, 2)
            .Add(new ContourTrace { Z = new double[,] { { 1, double.NaN } } }, 1, 1)
            .WithVerticalLine(1)
            .WithTraceSlider("lr", [new TraceGroup("0.1", new ScatterTrace()), new TraceGroup("1", new ScatterTrace())]);
        Assert.Equal("Figure: 3 traces (contour, scatter), 1x2 subplots, 1 shape, slider 'lr' (2 steps), 1 non-finite points shown as gaps",
            figure.ToPlainText());
    }

    [Fact]
    public void Empty_figure_and_to_string()
    {
        Assert.Equal("Figure: 0 traces", new Figure().ToPlainText());
        Assert.Equal("Figure: 1 trace (bar)", new Figure().Add(new BarTrace()).ToString());
    }
}
