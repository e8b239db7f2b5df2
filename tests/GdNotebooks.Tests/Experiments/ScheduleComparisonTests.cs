using GdNotebooks.Experiments;
using GdNotebooks.Problems;
using GdNotebooks.Schedules;
using GdNotebooks.Training;

namespace GdNotebooks.Tests.Experiments;

public class ScheduleComparisonTests
{
    private static readonly DescentSettings Template = new() { Problem = Problem.Parse("quadratic:a=[1,10]"), LearningRate = 0.1, Steps = 60 };

    [Fact]
    public void Recorded_lr_curves_follow_each_schedule()
    {
        var result = ScheduleComparison.Run(Template,
        [
            Schedule.Parse("cosine:t_max=40,eta_min=0.001"),
            Schedule.Parse("warm_restarts:t_0=15"),
            Schedule.Parse("step:step_size=20,gamma=0.5"),
        ]);
        var cosine = result.Rows[0].LearningRates;
        var restarts = result.Rows[1].LearningRates;
        var step = result.Rows[2].LearningRates;
        Assert.Equal(60, cosine.Length);

        // Cosine: from the base rate down to eta_min exactly at t_max.
        Assert.Equal(0.1, cosine[0], 15);
        Assert.Equal(0.001, cosine[40], 15);
        Assert.All(cosine.Take(40).Zip(cosine.Skip(1).Take(40)), p => Assert.True(p.Second < p.First));

        // Warm restarts: back to the base rate at t_0 and 2·t_0, after falling in between.
        Assert.Equal(0.1, restarts[15], 15);
        Assert.Equal(0.1, restarts[30], 15);
        Assert.True(restarts[14] < 0.01);

        // Step decay: multiplied by gamma at every step_size, constant in between.
        for (int k = 0; k < 60; k++) Assert.Equal(0.1 * Math.Pow(0.5, k / 20), step[k], 15);
        Assert.Equal(step[19] * 0.5, step[20], 15);
        Assert.Equal(step[39] * 0.5, step[40], 15);
    }

    [Fact]
    public void Figure_puts_lr_curves_beside_loss_curves_and_the_table_has_one_row_per_schedule()
    {
        var result = ScheduleComparison.Run(Template, [Schedule.Constant, Schedule.Parse("exponential:gamma=0.9")]);
        var figure = ChartJson.Of(result.ToFigure());
        var traces = ChartJson.Traces(figure);
        Assert.Equal(4, traces.Length);
        Assert.Equal(2, traces.Count(t => !t.TryGetProperty("xaxis", out var x) || x.GetString() == "x"));
        Assert.Equal(2, traces.Count(t => t.TryGetProperty("xaxis", out var x) && x.GetString() == "x2"));
        Assert.Equal("log", figure.GetProperty("layout").GetProperty("yaxis2").GetProperty("type").GetString());

        var lines = result.ToCsv().TrimEnd().Split('\n');
        Assert.Equal("schedule,final_loss,best_loss,final_lr,diverged,diverged_at,steps_to_tol", lines[0].TrimEnd('\r'));
        Assert.StartsWith("constant,", lines[1]);
        Assert.StartsWith("exponential:gamma=0.9,", lines[2]);
        Assert.Contains("exponential:gamma=0.9 ended at", result.Summary);
    }

    [Fact]
    public void Deterministic_across_thread_counts()
    {
        Schedule[] schedules = [Schedule.Constant, Schedule.Parse("cosine"), Schedule.Parse("onecycle")];
        var template = new DescentSettings { Problem = Problem.Parse("logreg:data=breast_cancer"), Steps = 25, BatchSize = 32, Seed = 5 };
        var parallel = ScheduleComparison.Run(template, schedules);
        var serial = ScheduleComparison.Run(template, schedules, maxDegreeOfParallelism: 1);
        Assert.Equal(parallel.ToJson(), serial.ToJson());
    }

    [Fact]
    public void No_schedules_is_a_usage_error() =>
        Assert.Throws<UsageException>(() => ScheduleComparison.Run(Template, []));
}
