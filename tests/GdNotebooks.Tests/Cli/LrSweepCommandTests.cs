using System.Globalization;
using System.Text.Json;
using GdNotebooks.Tests.Experiments;

namespace GdNotebooks.Tests.Cli;

public class LrSweepCommandTests
{
    [Fact]
    public void Csv_has_one_row_per_rate_with_the_documented_columns()
    {
        var (exit, stdout, stderr) = GdnbRunner.Run("lr-sweep", "--problem", "(w-3)^2", "--init", "0", "--lrs", "0.5,0.99,1.01,1.5", "--steps", "50", "--format", "csv");

        Assert.Equal(0, exit);
        var lines = stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("lr,final_loss,best_loss,diverged,diverged_at,steps_to_tol", lines[0]);
        Assert.Equal(["0.5", "0.99", "1.01", "1.5"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(["false", "false", "true", "true"], lines.Skip(1).Select(l => l.Split(',')[3]));
        Assert.Equal("0.5,0,0,false,,1", lines[1]);
        Assert.Equal("", lines[2].Split(',')[5]); // 0.99 never reaches 1e-6 in 50 steps
        // Diverged rates are notes on stderr; the result is still exit 0.
        Assert.Contains("α = 1.01 diverged at step 1", stderr);
        Assert.Contains("α = 1.5 diverged at step 1", stderr);
    }

    [Fact]
    public void Grid_syntax_sweeps_log_spaced_rates()
    {
        var (exit, stdout, _) = GdnbRunner.Run("lr-sweep", "--problem", "quadratic:a=[1,100]", "--lrs", "1e-3..1e-1:5", "--steps", "20", "--format", "csv", "--tol", "1e-3");
        Assert.Equal(0, exit);
        var rates = stdout.TrimEnd().Split('\n').Skip(1).Select(l => double.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(5, rates.Length);
        Assert.Equal(1e-3, rates[0]);
        Assert.Equal(0.1, rates[^1]);
    }

    [Fact]
    public void Chart_has_final_losses_diverged_marks_the_limit_and_a_slider()
    {
        string path = Path.Combine(Path.GetTempPath(), $"gdnb-sweep-{Guid.NewGuid():N}.html");
        try
        {
            var (exit, _, stderr) = GdnbRunner.Run("lr-sweep", "--problem", "(w-3)^2", "--init", "0", "--lrs", "0.5,0.9,1.1", "--steps", "30", "--chart", path);
            Assert.Equal(0, exit);
            Assert.Contains($"chart written to {path}", stderr);
            var figure = ChartJson.FromPage(path);
            var names = ChartJson.Traces(figure).Select(ChartJson.Name).ToArray();
            Assert.Equal(new string?[] { "final loss", "best loss", "diverged", "α = 0.5", "α = 0.9", "α = 1.1" }, names);
            Assert.Contains(ChartJson.Shapes(figure), s => ChartJson.ShapeLabel(s) == "2/L");
            Assert.Equal(3, figure.GetProperty("layout").GetProperty("sliders")[0].GetProperty("steps").GetArrayLength());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Json_is_finite_and_carries_the_stability_limit()
    {
        var (exit, stdout, _) = GdnbRunner.Run("lr-sweep", "--problem", "(w-3)^2", "--lrs", "0.1,1.5", "--steps", "2000", "--format", "json");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("NaN", stdout);
        Assert.DoesNotContain("Infinity", stdout);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(1, doc.RootElement.GetProperty("stability_limit").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("rates")[1].GetProperty("final_loss").ValueKind);
    }

    [Theory]
    [InlineData("1e-4..10:0", "count 0")]
    [InlineData("10..1:5", "upward")]
    [InlineData("0.1,-2", "rate -2")]
    [InlineData("0.1,,1", "empty item")]
    [InlineData("1e-4..10:20000", "10,000")]
    [InlineData("fast", "'fast'")]
    public void Bad_grid_exits_2_naming_the_bad_part(string grid, string expected)
    {
        var (exit, stdout, stderr) = GdnbRunner.Run("lr-sweep", "--problem", "rosenbrock", "--lrs", grid);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("gdnb lr-sweep: --lrs: ", stderr);
        Assert.Contains(expected, stderr);
    }

    [Fact]
    public void Missing_grid_and_bad_tolerance_exit_2()
    {
        var (exit, _, stderr) = GdnbRunner.Run("lr-sweep", "--problem", "rosenbrock");
        Assert.Equal(2, exit);
        Assert.Contains("--lrs", stderr);
        (exit, _, stderr) = GdnbRunner.Run("lr-sweep", "--problem", "rosenbrock", "--lrs", "0.1", "--tol", "small");
        Assert.Equal(2, exit);
        Assert.Contains("--tol", stderr);
    }

    [Fact]
    public void Help_documents_the_grid_and_the_divergence_rule()
    {
        var (exit, stdout, _) = GdnbRunner.Run("lr-sweep", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--lrs GRID", stdout);
        Assert.Contains("a..b:n", stdout);
        Assert.Contains("still climbing", stdout);
        Assert.Contains("--problem P", stdout); // descend's shared options come along
    }
}
