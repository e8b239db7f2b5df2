using System.Globalization;
using GdNotebooks.Tests.Experiments;

namespace GdNotebooks.Tests.Cli;

public class CompareCommandTests
{
    [Fact]
    public void Repeated_optimizer_gives_one_row_each_with_its_own_lr()
    {
        var (exit, stdout, stderr) = GdnbRunner.Run("compare", "--problem", "rosenbrock", "--lr", "0.001", "--steps", "1500",
            "--optimizer", "sgd", "--optimizer", "sgd:momentum=0.9", "--optimizer", "adam:lr=0.02", "--format", "csv");
        Assert.True(exit == 0, stderr);
        var lines = stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("optimizer,lr,final_loss,best_loss,diverged,diverged_at,steps_to_tol", lines[0]);
        Assert.StartsWith("sgd,0.001,", lines[1]);
        Assert.StartsWith("sgd:momentum=0.9,0.001,", lines[2]);
        Assert.StartsWith("adam,0.02,", lines[3]);
        double Final(int row) => double.Parse(lines[row].Split(',')[2], CultureInfo.InvariantCulture);
        Assert.True(Final(2) < Final(1) && Final(3) < Final(1));
    }

    [Fact]
    public void Chart_on_a_2d_problem_draws_trajectories_over_a_contour()
    {
        string path = Path.Combine(Path.GetTempPath(), $"gdnb-compare-{Guid.NewGuid():N}.html");
        try
        {
            var (exit, _, _) = GdnbRunner.Run("compare", "--problem", "rosenbrock", "--lr", "0.001", "--steps", "200",
                "--optimizer", "sgd", "--optimizer", "adam:lr=0.05", "--chart", path);
            Assert.Equal(0, exit);
            var traces = ChartJson.Traces(ChartJson.FromPage(path));
            Assert.Equal(["contour", "scatter", "scatter", "scatter", "scatter"], traces.Select(t => t.GetProperty("type").GetString()));
            Assert.Equal(["log(1+f)", "sgd", "sgd", "adam (lr 0.05)", "adam (lr 0.05)"], traces.Select(ChartJson.Name));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Clipping_applies_to_every_optimizer()
    {
        var (exit, stdout, _) = GdnbRunner.Run("compare", "--problem", "rosenbrock", "--steps", "5", "--clip-norm", "1",
            "--optimizer", "sgd", "--optimizer", "adam", "--format", "json");
        Assert.Equal(0, exit);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.All(doc.RootElement.GetProperty("optimizers").EnumerateArray(),
            o => Assert.Contains("clip_norm=1", o.GetProperty("optimizer").GetString()));
    }

    [Theory]
    [InlineData(new[] { "--optimizer", "adam", "--optimizer", "adamm" }, "--optimizer 'adamm' (number 2 of 2): unknown optimizer 'adamm'")]
    [InlineData(new[] { "--optimizer", "sgd:momentum=2" }, "momentum")]
    [InlineData(new[] { "--optimizer", "adam:lr=-1" }, "lr=-1 is out of range")]
    [InlineData(new string[0], "needs --optimizer at least once")]
    public void Bad_optimizer_lists_exit_2_naming_the_bad_item(string[] optimizers, string expected)
    {
        var (exit, stdout, stderr) = GdnbRunner.Run(["compare", "--problem", "rosenbrock", "--steps", "5", .. optimizers]);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void Help_says_optimizer_is_repeatable()
    {
        var (_, stdout, _) = GdnbRunner.Run("compare", "--help");
        Assert.Contains("once per optimizer", stdout);
        Assert.Contains("(repeatable)", stdout);
        Assert.DoesNotContain("(default sgd)", stdout);
    }
}
