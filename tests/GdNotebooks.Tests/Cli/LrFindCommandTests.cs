using System.Globalization;
using GdNotebooks.Tests.Experiments;

namespace GdNotebooks.Tests.Cli;

public class LrFindCommandTests
{
    [Fact]
    public void Csv_lists_rates_and_losses_and_the_suggestion_is_in_the_summary_json()
    {
        var (exit, stdout, _) = GdnbRunner.Run("lr-find", "--problem", "logreg:data=breast_cancer", "--batch", "32", "--min-lr", "1e-5", "--max-lr", "10", "--steps", "60", "--format", "csv");
        Assert.Equal(0, exit);
        var lines = stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("step,lr,loss,smoothed_loss", lines[0]);
        var rates = lines.Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(1e-5, rates[0]);
        Assert.All(rates.Zip(rates.Skip(1)), p => Assert.True(p.Second > p.First));
    }

    [Fact]
    public void Chart_marks_the_suggested_rate_on_a_log_axis()
    {
        string path = Path.Combine(Path.GetTempPath(), $"gdnb-lrfind-{Guid.NewGuid():N}.html");
        try
        {
            var (exit, _, stderr) = GdnbRunner.Run("lr-find", "--problem", "logreg:data=breast_cancer", "--batch", "32", "--min-lr", "1e-5", "--steps", "60", "--chart", path);
            Assert.True(exit == 0, stderr);
            var figure = ChartJson.FromPage(path);
            Assert.Equal(["loss", "smoothed loss", "suggested lr"], ChartJson.Traces(figure).Select(ChartJson.Name));
            Assert.Equal("log", figure.GetProperty("layout").GetProperty("xaxis").GetProperty("type").GetString());
            Assert.Contains(ChartJson.Shapes(figure), s => ChartJson.ShapeLabel(s)!.StartsWith("suggested lr = "));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--lr", "0.1", "--lr does not apply")]
    [InlineData("--schedule", "cosine", "--schedule does not apply")]
    [InlineData("--min-lr", "0", "min-lr 0")]
    [InlineData("--max-lr", "1e-9", "max-lr 1E-09")]
    [InlineData("--smoothing", "1", "smoothing 1")]
    public void Options_that_do_not_fit_exit_2(string option, string value, string expected)
    {
        var (exit, _, stderr) = GdnbRunner.Run("lr-find", "--problem", "rosenbrock", option, value);
        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr);
    }
}
