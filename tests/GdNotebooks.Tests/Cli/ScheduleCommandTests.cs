using GdNotebooks.Tests.Experiments;

namespace GdNotebooks.Tests.Cli;

public class ScheduleCommandTests
{
    [Fact]
    public void Repeated_schedule_gives_one_row_each_in_order()
    {
        var (exit, stdout, stderr) = GdnbRunner.Run("schedule", "--problem", "quadratic:a=[1,10]", "--lr", "0.1", "--steps", "40",
            "--schedule", "constant", "--schedule", "cosine:t_max=40,eta_min=0.001", "--schedule", "step:step_size=10,gamma=0.5", "--format", "csv");
        Assert.True(exit == 0, stderr);
        var lines = stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("schedule,final_loss,best_loss,final_lr,diverged,diverged_at,steps_to_tol", lines[0]);
        Assert.Equal(["constant", "\"cosine:t_max=40,eta_min=0.001\"", "\"step:step_size=10,gamma=0.5\""],
            lines.Skip(1).Select(l => l[..(l.StartsWith('"') ? l.IndexOf('"', 1) + 1 : l.IndexOf(','))]));
    }

    [Fact]
    public void Warmup_applies_to_every_schedule()
    {
        var (exit, stdout, _) = GdnbRunner.Run("schedule", "--problem", "quadratic:a=[1,10]", "--steps", "20", "--warmup", "5",
            "--schedule", "constant", "--schedule", "cosine", "--format", "json");
        Assert.Equal(0, exit);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        foreach (var row in doc.RootElement.GetProperty("schedules").EnumerateArray())
        {
            Assert.Contains("warmup=5", row.GetProperty("schedule").GetString());
            Assert.Equal(0.02, row.GetProperty("lrs")[0].GetDouble(), 12); // η·1/5
        }
    }

    [Fact]
    public void Chart_has_lr_and_loss_curves_side_by_side()
    {
        string path = Path.Combine(Path.GetTempPath(), $"gdnb-schedule-{Guid.NewGuid():N}.html");
        try
        {
            var (exit, _, _) = GdnbRunner.Run("schedule", "--problem", "rosenbrock", "--optimizer", "adam", "--lr", "0.01", "--steps", "50",
                "--schedule", "constant", "--schedule", "cosine", "--chart", path);
            Assert.Equal(0, exit);
            var traces = ChartJson.Traces(ChartJson.FromPage(path));
            Assert.Equal(4, traces.Length);
            Assert.Equal(["constant", "cosine"], traces.Where(t => !t.TryGetProperty("xaxis", out var x) || x.GetString() == "x").Select(ChartJson.Name));
            Assert.Equal(["constant", "cosine"], traces.Where(t => t.TryGetProperty("xaxis", out var x) && x.GetString() == "x2").Select(ChartJson.Name));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void No_schedule_or_an_unknown_one_exits_2_naming_it()
    {
        var (exit, _, stderr) = GdnbRunner.Run("schedule", "--problem", "rosenbrock");
        Assert.Equal(2, exit);
        Assert.Contains("needs --schedule at least once", stderr);

        (exit, _, stderr) = GdnbRunner.Run("schedule", "--problem", "rosenbrock", "--schedule", "cosine", "--schedule", "sawtooth");
        Assert.Equal(2, exit);
        Assert.Contains("--schedule 'sawtooth' (number 2 of 2)", stderr);
        Assert.Contains("cosine", stderr.Split("sawtooth")[^1]); // the valid names are listed

        (exit, _, stderr) = GdnbRunner.Run("schedule", "--problem", "rosenbrock", "--schedule", "step");
        Assert.Equal(2, exit);
        Assert.Contains("step_size", stderr);
    }

    [Fact]
    public void Descend_still_takes_schedule_only_once()
    {
        var (exit, _, stderr) = GdnbRunner.Run("descend", "--problem", "rosenbrock", "--schedule", "cosine", "--schedule", "constant");
        Assert.Equal(2, exit);
        Assert.Contains("--schedule is given twice", stderr);
    }
}
