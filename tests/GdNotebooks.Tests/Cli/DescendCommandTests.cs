using System.Globalization;
using System.Text.Json;

namespace GdNotebooks.Tests.Cli;

public class DescendCommandTests
{
    [Fact]
    public void Seed_example_prints_the_textbook_table_as_csv()
    {
        var (exit, stdout, stderr) = GdnbRunner.Run("descend", "--problem", "(w-3)^2", "--init", "0", "--lr", "0.1", "--steps", "5", "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var lines = stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("step,loss,lr,grad_norm,w0", lines[0]);
        Assert.Equal("0,9,,6,0", lines[1]);
        Assert.Equal(6, lines.Length - 1);
        double[] expectedW = [0, 0.6, 1.08, 1.464, 1.7712, 2.01696];
        for (int k = 0; k <= 5; k++)
        {
            var cells = lines[k + 1].Split(',');
            Assert.Equal(k.ToString(CultureInfo.InvariantCulture), cells[0]);
            double w = double.Parse(cells[4], CultureInfo.InvariantCulture);
            Assert.Equal(expectedW[k], w, 12);
            Assert.Equal((w - 3) * (w - 3), double.Parse(cells[1], CultureInfo.InvariantCulture), 12);
            Assert.Equal(Math.Abs(2 * (w - 3)), double.Parse(cells[3], CultureInfo.InvariantCulture), 12);
            if (k > 0) Assert.Equal("0.1", cells[2]);
        }
        Assert.Equal("5,0.9663676416,0.1,1.96608,2.01696", lines[6]);
    }

    [Fact]
    public void Divergence_is_a_result_reported_on_stderr_with_exit_0()
    {
        var (exit, stdout, stderr) = GdnbRunner.Run("descend", "--problem", "(w-3)^2", "--init", "0", "--lr", "1.5", "--steps", "1000", "--format", "csv");

        Assert.Equal(0, exit);
        Assert.Matches(@"^diverged at step \d+\s*$", stderr);
        int k = int.Parse(stderr.Split(' ')[3], CultureInfo.InvariantCulture);
        var rows = stdout.TrimEnd().Split('\n');
        Assert.Equal(k + 2, rows.Length); // header + rows 0..k; the run stops at the non-finite loss
        Assert.StartsWith("1,36,1.5,", rows[2]);
        Assert.EndsWith(",9", rows[2].TrimEnd());
        Assert.EndsWith(",-9", rows[3].TrimEnd());
    }

    [Fact]
    public void Json_output_has_no_nan_or_infinity_even_when_diverging()
    {
        var (exit, stdout, _) = GdnbRunner.Run("descend", "--problem", "(w-3)^2", "--lr", "1.5", "--steps", "1000", "--format", "json");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("NaN", stdout);
        Assert.DoesNotContain("Infinity", stdout);
        using var doc = JsonDocument.Parse(stdout);
        Assert.True(doc.RootElement.GetProperty("diverged_at").GetInt32() > 300);
        var steps = doc.RootElement.GetProperty("steps");
        Assert.Equal(JsonValueKind.Null, steps[steps.GetArrayLength() - 1].GetProperty("loss").ValueKind);
    }

    [Fact]
    public void Table_format_is_aligned_and_is_the_default()
    {
        var (exit, stdout, _) = GdnbRunner.Run("descend", "--problem", "rosenbrock", "--optimizer", "adam", "--lr", "0.01", "--steps", "3");

        Assert.Equal(0, exit);
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Equal(["step", "loss", "lr", "grad_norm", "w0", "w1"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.All(lines, l => Assert.Equal(lines[0].TrimEnd().Length, l.TrimEnd().Length));
    }

    [Fact]
    public void Data_problems_train_on_mini_batches_by_epochs()
    {
        var (exit, stdout, stderr) = GdnbRunner.Run("descend", "--problem", "logreg:data=breast_cancer", "--epochs", "2", "--batch", "32", "--lr", "0.1", "--format", "csv");

        Assert.True(exit == 0, stderr);
        var rows = stdout.TrimEnd().Split('\n');
        Assert.Equal("step,loss,lr,grad_norm", rows[0]);
        double first = double.Parse(rows[1].Split(',')[1], CultureInfo.InvariantCulture);
        double last = double.Parse(rows[^1].Split(',')[1], CultureInfo.InvariantCulture);
        Assert.True(last < 0.5 * first, $"loss {first} → {last}");
    }

    [Fact]
    public void Help_lists_every_option_and_exits_0()
    {
        var (exit, stdout, _) = GdnbRunner.Run("descend", "--help");

        Assert.Equal(0, exit);
        foreach (var option in new[] { "--problem", "--init", "--optimizer", "--lr", "--schedule", "--warmup", "--steps", "--epochs", "--batch", "--seed", "--clip-norm", "--format" })
            Assert.Contains(option, stdout);
    }

    [Theory]
    [InlineData("no problem", "--problem is required", "rosenbrock", "--lr", "0.1")]
    [InlineData("misspelt problem", "unknown problem 'rosenbrok'", "rosenbrock", "--problem", "rosenbrok")]
    [InlineData("formula syntax", "'(' at position 1", "never closed", "--problem", "(w-3")]
    [InlineData("unknown function", "sinn", "sin", "--problem", "sinn(x)")]
    [InlineData("unknown optimizer", "adamm", "adam", "--problem", "rosenbrock", "--optimizer", "adamm")]
    [InlineData("unknown optimizer key", "beta3", "beta1", "--problem", "rosenbrock", "--optimizer", "adam:beta3=0.9")]
    [InlineData("optimizer key out of range", "beta1", "< 1", "--problem", "rosenbrock", "--optimizer", "adam:beta1=1.5")]
    [InlineData("spec without value", "adam:beta1", "'='", "--problem", "rosenbrock", "--optimizer", "adam:beta1")]
    [InlineData("malformed number", "'abc' is not a number", "--lr", "--problem", "rosenbrock", "--lr", "abc")]
    [InlineData("NaN learning rate", "'NaN' is not a finite number", "--lr", "--problem", "rosenbrock", "--lr", "NaN")]
    [InlineData("missing value", "--lr needs a value", "learning rate", "--problem", "rosenbrock", "--lr")]
    [InlineData("negative learning rate", "--lr -1", "≥ 0", "--problem", "rosenbrock", "--lr", "-1")]
    [InlineData("negative steps", "--steps -5", "0 to", "--problem", "rosenbrock", "--steps", "-5")]
    [InlineData("fractional steps", "'1.5' is not a whole number", "--steps", "--problem", "rosenbrock", "--steps", "1.5")]
    [InlineData("unknown schedule", "cosin", "cosine", "--problem", "rosenbrock", "--schedule", "cosin")]
    [InlineData("unknown schedule key", "size", "step_size", "--problem", "rosenbrock", "--schedule", "step:size=3")]
    [InlineData("zero batch", "--batch 0", "full", "--problem", "logreg", "--batch", "0")]
    [InlineData("batch on analytic problem", "--batch", "data problems", "--problem", "rosenbrock", "--batch", "8")]
    [InlineData("unknown data set", "mnist", "digits", "--problem", "mlp:data=mnist")]
    [InlineData("unknown activation", "swish", "relu", "--problem", "mlp:data=iris,act=swish")]
    [InlineData("init of wrong length", "3 values", "2 parameters", "--problem", "rosenbrock", "--init", "1,2,3")]
    [InlineData("init with a hole", "empty item", "--init", "--problem", "rosenbrock", "--init", "1,,2")]
    [InlineData("unknown format", "xml", "csv", "--problem", "rosenbrock", "--format", "xml")]
    [InlineData("unknown option", "--learning-rate", "--lr", "--problem", "rosenbrock", "--learning-rate", "0.1")]
    [InlineData("negative warmup", "--warmup -1", "≥ 0", "--problem", "rosenbrock", "--warmup", "-1")]
    [InlineData("steps and epochs", "not both", "--epochs", "--problem", "logreg", "--steps", "5", "--epochs", "2")]
    [InlineData("list with a word", "quadratic", "numbers", "--problem", "quadratic:a=[1,x]")]
    [InlineData("stray argument", "unexpected argument 'rosenbrock'", "--", "rosenbrock")]
    [InlineData("zero clip norm", "--clip-norm 0", "> 0", "--problem", "rosenbrock", "--clip-norm", "0")]
    [InlineData("option given twice", "--lr is given twice", "once", "--problem", "rosenbrock", "--lr", "0.1", "--lr", "0.2")]
    [InlineData("batch larger than data", "--batch 100000", "training examples", "--problem", "logreg", "--batch", "100000")]
    public void Bad_input_exits_2_naming_the_bad_part_and_the_valid_choices(string why, string badPart, string validHint, params string[] args)
    {
        var (exit, stdout, stderr) = GdnbRunner.Run(["descend", .. args]);

        Assert.True(exit == 2, $"{why}: exit {exit}, stderr: {stderr}");
        Assert.Equal("", stdout);
        Assert.StartsWith("gdnb descend: ", stderr);
        Assert.Contains(badPart, stderr);
        Assert.Contains(validHint, stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void No_verb_is_a_usage_error_with_the_help_on_stderr()
    {
        var (exit, stdout, stderr) = GdnbRunner.Run();

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("gdnb: give a verb", stderr);
        foreach (var verb in new[] { "descend", "lr-sweep", "landscape", "run", "convert", "kernel" }) Assert.Contains($"  {verb} ", stderr);
    }

    [Fact]
    public void Unknown_verb_lists_the_verbs()
    {
        var (exit, _, stderr) = GdnbRunner.Run("decsend");

        Assert.Equal(2, exit);
        Assert.Contains("unknown verb 'decsend'", stderr);
        Assert.Contains("descend", stderr.Split("valid verbs:")[1]);
    }
}
