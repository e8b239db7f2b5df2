using System.Text.Json;
using GdNotebooks.Charts;
using static GdNotebooks.Tests.Charts.FigureJson;

namespace GdNotebooks.Tests.Charts;

public sealed class SubplotTests
{
    [Fact]
    public void Grid_gives_each_cell_anchored_axes_with_disjoint_domains()
    {
        JsonElement layout = Layout(Figure.Subplots(2, 3));
        var cells = new List<(double[] X, double[] Y)>();
        for (int k = 1; k <= 6; k++)
        {
            string suffix = k == 1 ? "" : k.ToString();
            JsonElement x = layout.GetProperty("xaxis" + suffix), y = layout.GetProperty("yaxis" + suffix);
            Assert.Equal("y" + suffix, x.GetProperty("anchor").GetString());
            Assert.Equal("x" + suffix, y.GetProperty("anchor").GetString());
            double[] xd = Numbers(x.GetProperty("domain")), yd = Numbers(y.GetProperty("domain"));
            Assert.All(xd.Concat(yd), v => Assert.InRange(v, 0, 1));
            Assert.True(xd[0] < xd[1] && yd[0] < yd[1]);
            cells.Add((xd, yd));
        }
        for (int a = 0; a < cells.Count; a++)
        for (int b = a + 1; b < cells.Count; b++)
        {
            bool xOverlap = cells[a].X[0] < cells[b].X[1] && cells[b].X[0] < cells[a].X[1];
            bool yOverlap = cells[a].Y[0] < cells[b].Y[1] && cells[b].Y[0] < cells[a].Y[1];
            Assert.False(xOverlap && yOverlap, $"cells {a + 1} and {b + 1} overlap");
        }
        // Row 1 is on top; the last column reaches the right edge.
        Assert.True(cells[0].Y[0] > cells[3].Y[1]);
        Assert.Equal(1, cells[2].X[1]);
        Assert.Equal(0, cells[3].Y[0]);
    }

    [Fact]
    public void Traces_added_to_a_cell_refer_to_its_axes()
    {
        var figure = Figure.Subplots(2, 2)
            .Add(new ScatterTrace { Y = new[] { 1.0 } }, 1, 1)
            .Add(new ScatterTrace { Y = new[] { 1.0 } }, 2, 1);
        JsonElement first = Trace(figure, 0), second = Trace(figure, 1);
        Assert.Equal("x", first.GetProperty("xaxis").GetString());
        Assert.Equal("y", first.GetProperty("yaxis").GetString());
        Assert.Equal("x3", second.GetProperty("xaxis").GetString());
        Assert.Equal("y3", second.GetProperty("yaxis").GetString());
        Assert.Equal("x4", figure.XAxisOf(2, 2));
        Assert.Equal("y2", figure.YAxisOf(1, 2));
    }

    [Fact]
    public void Titles_become_paper_annotations_above_their_cells()
    {
        JsonElement layout = Layout(Figure.Subplots(1, 2, "sgd", "adam"));
        var notes = layout.GetProperty("annotations").EnumerateArray().ToList();
        Assert.Equal(["sgd", "adam"], notes.Select(n => n.GetProperty("text").GetString()));
        Assert.All(notes, n => Assert.Equal("paper", n.GetProperty("xref").GetString()));
        double[] domain = Numbers(layout.GetProperty("xaxis2").GetProperty("domain"));
        Assert.Equal((domain[0] + domain[1]) / 2, notes[1].GetProperty("x").GetDouble(), 9);
    }

    [Fact]
    public void Log_scale_on_one_cell_leaves_the_others_linear()
    {
        var figure = Figure.Subplots(1, 2);
        JsonElement layout = Layout(figure.WithLogY(figure.YAxisOf(1, 2)));
        Assert.Equal("log", layout.GetProperty("yaxis2").GetProperty("type").GetString());
        Assert.False(layout.GetProperty("yaxis").TryGetProperty("type", out _));
        Assert.Equal([0.0, 1], Numbers(layout.GetProperty("yaxis2").GetProperty("domain")));
    }

    [Fact]
    public void Bad_cells_and_grids_are_usage_errors()
    {
        Assert.Throws<UsageException>(() => Figure.Subplots(0, 2));
        Assert.Throws<UsageException>(() => Figure.Subplots(1, 11));
        Assert.Throws<UsageException>(() => Figure.Subplots(1, 1, "a", "b"));
        var error = Assert.Throws<UsageException>(() => Figure.Subplots(2, 2).Add(new ScatterTrace(), 3, 1));
        Assert.Contains("1..2", error.Message);
        Assert.Throws<UsageException>(() => new Figure().Add(new ScatterTrace(), 1, 1));
    }
}
