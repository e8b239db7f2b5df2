using System.Text.Json;
using GdNotebooks.Tests.Cli;

namespace GdNotebooks.Tests.Experiments;

/// <summary>The batch-noise, sharpness (and --eos) and landscape verbs through <c>Gdnb.Run</c>, in-process.</summary>
public class CurvatureVerbTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gdnb-exp-b-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Chart(string name) => Path.Combine(_folder, name);

    private static string[] Lines(string text) => text.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void Batch_noise_prints_one_row_per_batch_size_and_charts_the_law_and_the_curves()
    {
        var (exit, stdout, stderr) = GdnbRunner.Run("batch-noise", "--problem", "linreg:data=diabetes", "--batches", "1,8,full",
            "--samples", "50", "--lr", "0.01", "--steps", "10", "--scale-lr", "sqrt", "--format", "csv", "--chart", Chart("noise.html"));

        Assert.True(exit == 0, stderr);
        var lines = Lines(stdout);
        Assert.Equal("batch,full,lr,samples,noise_variance,noise_se,predicted_variance,ratio,final_loss,steps,examples_seen", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("1,false,0.01,50,", lines[1]);
        Assert.StartsWith("8,false,0.0282842712474619,50,", lines[2]);
        Assert.StartsWith("353,true,", lines[3]);
        Assert.Contains("without replacement", stderr);
        string html = File.ReadAllText(Chart("noise.html"));
        Assert.Contains("\"measured\"", html);
        Assert.Contains("B_simple", html);
        Assert.Contains("\"type\":\"log\"", html);
        Assert.Equal(3 + 2 * 3, Count(html, "\"type\":\"scatter\""));
    }

    [Fact]
    public void Batch_noise_json_has_the_noise_scale_and_no_nan()
    {
        var (exit, stdout, stderr) = GdnbRunner.Run("batch-noise", "--problem", "logreg:data=breast_cancer", "--batches", "4,full", "--samples", "20", "--no-train", "--format", "json");
        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("NaN", stdout);
        using var doc = JsonDocument.Parse(stdout);
        Assert.True(doc.RootElement.GetProperty("b_simple").GetDouble() > 0);
        Assert.Equal(2, doc.RootElement.GetProperty("batches").GetArrayLength());
    }

    [Theory]
    [InlineData("--batches", "0", "batch size 0")]
    [InlineData("--batches", "1,eight", "'eight'")]
    [InlineData("--batches", "1,,8", "empty item")]
    [InlineData("--scale-lr", "cubic", "--scale-lr cubic")]
    [InlineData("--samples", "1", "--samples 1")]
    public void Batch_noise_rejects_bad_input_naming_it(string option, string value, string named)
    {
        var (exit, _, stderr) = GdnbRunner.Run("batch-noise", "--problem", "linreg:data=diabetes", option, value);
        Assert.Equal(2, exit);
        Assert.Contains(named, stderr);
    }

    [Fact]
    public void Batch_noise_on_an_analytic_problem_is_a_usage_error()
    {
        var (exit, _, stderr) = GdnbRunner.Run("batch-noise", "--problem", "rosenbrock");
        Assert.Equal(2, exit);
        Assert.Contains("data problem", stderr);
    }

    [Fact]
    public void Sharpness_compares_batch_sizes_in_a_table_and_a_chart()
    {
        var (exit, stdout, stderr) = GdnbRunner.Run("sharpness", "--problem", "mlp:data=iris,hidden=[4],act=tanh", "--batches", "8,full",
            "--epochs", "2", "--lr", "0.2", "--iterations", "10", "--probes", "3", "--format", "csv", "--chart", Chart("sharp.html"));

        Assert.True(exit == 0, stderr);
        var lines = Lines(stdout);
        Assert.Equal("batch,full,steps,train_loss,test_loss,gap,train_accuracy,test_accuracy,sharpness,trace,trace_se", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("8,false,30,", lines[1]);   // ⌈120/8⌉ = 15 updates per epoch
        Assert.StartsWith("120,true,2,", lines[2]);
        string html = File.ReadAllText(Chart("sharp.html"));
        Assert.Equal(4, Count(html, "\"type\":\"bar\""));
        Assert.Contains("\"B=8\"", html);
    }

    [Fact]
    public void Sharpness_eos_tracks_the_sharpness_against_two_over_lr()
    {
        var (exit, stdout, stderr) = GdnbRunner.Run("sharpness", "--eos", "--problem", "mlp:data=house_prices,hidden=[16],act=tanh",
            "--lr", "0.003", "--steps", "60", "--every", "20", "--format", "csv", "--chart", Chart("eos.html"));

        Assert.True(exit == 0, stderr);
        var lines = Lines(stdout);
        Assert.Equal("step,loss,sharpness,two_over_lr", lines[0]);
        Assert.Equal(62, lines.Length);
        Assert.Equal(4, lines.Skip(1).Count(l => l.Split(',')[2].Length > 0));   // steps 0, 20, 40, 60
        Assert.EndsWith(",666.666666666667", lines[1]);
        string html = File.ReadAllText(Chart("eos.html"));
        Assert.Contains("\"sharpness\"", html);
        Assert.Contains("2/\\u03B7", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--batches", "32,x", "'x'")]
    [InlineData("--batches", "-4", "batch size -4")]
    [InlineData("--iterations", "0", "--iterations 0")]
    [InlineData("--probes", "1", "--probes 1")]
    [InlineData("--every", "5", "--every applies only with --eos")]
    public void Sharpness_rejects_bad_input_naming_it(string option, string value, string named)
    {
        var (exit, _, stderr) = GdnbRunner.Run("sharpness", "--problem", "mlp:data=iris", option, value);
        Assert.Equal(2, exit);
        Assert.Contains(named, stderr);
    }

    [Fact]
    public void Sharpness_eos_rejects_batches_and_a_zero_learning_rate()
    {
        var (exit, _, stderr) = GdnbRunner.Run("sharpness", "--eos", "--problem", "mlp:data=iris", "--batches", "8");
        Assert.Equal(2, exit);
        Assert.Contains("--batches", stderr);
        (exit, _, stderr) = GdnbRunner.Run("sharpness", "--eos", "--problem", "mlp:data=iris", "--lr", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--lr 0", stderr);
    }

    [Fact]
    public void Landscape_1d_prints_alpha_and_losses_and_draws_a_line()
    {
        var (exit, stdout, stderr) = GdnbRunner.Run("landscape", "--problem", "mlp:data=iris,hidden=[4]", "--mode", "1d", "--resolution", "5",
            "--steps", "10", "--lr", "0.5", "--format", "csv", "--chart", Chart("line.html"));

        Assert.True(exit == 0, stderr);
        var lines = Lines(stdout);
        Assert.Equal("alpha,train_loss,test_loss", lines[0]);
        Assert.Equal(["-0.5", "0", "0.5", "1", "1.5"], lines.Skip(1).Select(l => l.Split(',')[0]).ToArray());
        string html = File.ReadAllText(Chart("line.html"));
        Assert.Contains("\"train loss\"", html);
        Assert.Contains("\"test loss\"", html);
    }

    [Fact]
    public void Landscape_2d_prints_the_grid_and_draws_contour_and_surface()
    {
        var (exit, stdout, stderr) = GdnbRunner.Run("landscape", "--problem", "mlp:data=iris,hidden=[4]", "--mode", "2d", "--resolution", "3",
            "--span", "0.5", "--steps", "5", "--format", "csv", "--chart", Chart("surface.html"));

        Assert.True(exit == 0, stderr);
        var lines = Lines(stdout);
        Assert.Equal("alpha,beta,loss", lines[0]);
        Assert.Equal(10, lines.Length);
        Assert.StartsWith("-0.5,-0.5,", lines[1]);
        string html = File.ReadAllText(Chart("surface.html"));
        Assert.Contains("\"type\":\"contour\"", html);
        Assert.Contains("\"type\":\"surface\"", html);
        Assert.Contains("\"buttons\"", html);
    }

    [Theory]
    [InlineData("--mode", "3d", "--mode 3d")]
    [InlineData("--resolution", "1", "--resolution 1")]
    [InlineData("--resolution", "abc", "'abc'")]
    [InlineData("--batches", "8,16,32", "exactly two")]
    [InlineData("--span", "2", "--span")]
    public void Landscape_rejects_bad_input_naming_it(string option, string value, string named)
    {
        var (exit, _, stderr) = GdnbRunner.Run("landscape", "--problem", "mlp:data=iris", option, value);
        Assert.Equal(2, exit);
        Assert.Contains(named, stderr);
    }

    [Fact]
    public void Every_verb_is_registered_with_help()
    {
        foreach (var verb in new[] { "batch-noise", "sharpness", "landscape" })
        {
            var (exit, stdout, _) = GdnbRunner.Run(verb, "--help");
            Assert.Equal(0, exit);
            Assert.Contains("--problem", stdout);
            Assert.Contains("Examples:", stdout);
        }
    }

    private static int Count(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
