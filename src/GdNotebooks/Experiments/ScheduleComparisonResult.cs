using GdNotebooks.Charts;
using GdNotebooks.Training;
using static GdNotebooks.Experiments.LearningRateSweepResult;

namespace GdNotebooks.Experiments;

/// <summary>The result of <see cref="ScheduleComparison.Run"/>: one row per schedule, in the order given.</summary>
public sealed class ScheduleComparisonResult : IExperimentResult
{
    internal ScheduleComparisonResult(DescentSettings template, double tolerance, IReadOnlyList<ScheduleRun> rows)
    {
        Settings = template;
        Tolerance = tolerance;
        Rows = rows;
    }

    /// <summary>The template every run shared (its schedule is not used).</summary>
    public DescentSettings Settings { get; }
    public double Tolerance { get; }
    public IReadOnlyList<ScheduleRun> Rows { get; }

    /// <summary>The schedule with the lowest final loss among the runs that did not diverge.</summary>
    public ScheduleRun? Best => Rows.Where(r => !r.Diverged).MinBy(r => r.FinalLoss);

    public string Summary
    {
        get
        {
            var s = Settings;
            string each = string.Join("; ", Rows.Select(r => r.Diverged
                ? $"{r.Schedule} diverged at step {r.Outcome.DivergedAt}"
                : $"{r.Schedule} ended at {G(r.FinalLoss)} (best {G(r.BestLoss)})"));
            string best = Best is { } b ? $" Best: {b.Schedule}." : " Every schedule diverged.";
            return $"Schedules on {s.Problem.Name} with {s.Optimizer} at base lr {G(s.LearningRate)}, {s.TotalSteps} steps: {each}.{best}";
        }
    }

    public IReadOnlyList<string> Notes => Rows.Where(r => r.Diverged).Select(r => $"{r.Schedule} diverged at step {r.Outcome.DivergedAt}").ToList();

    /// <summary>Side by side: the learning rate each update used under each schedule, and the loss curves (log y when positive).</summary>
    public Figure ToFigure()
    {
        var figure = Figure.Subplots(1, 2, "learning rate", "loss");
        for (int i = 0; i < Rows.Count; i++)
        {
            var r = Rows[i];
            string name = r.Schedule.ToString();
            var rates = r.LearningRates;
            var keep = CurveSampling.Indices(rates.Length);
            figure = figure
                .Add(new ScatterTrace
                {
                    X = keep.Select(k => (double)k).ToArray(), Y = CurveSampling.Take(rates, keep), Name = name,
                    Mode = ScatterMode.Lines, Line = new Line { Color = ExperimentCharts.Color(i) }, LegendGroup = name,
                }, 1, 1)
                .Add(ExperimentCharts.LossCurve(r.Trajectory, name, i, showLegend: false), 1, 2);
        }
        figure = figure
            .WithXTitle("update").WithYTitle("learning rate")
            .WithXTitle("step", figure.XAxisOf(1, 2)).WithYTitle("loss", figure.YAxisOf(1, 2))
            .WithTitle($"Schedules: {Settings.Problem.Name} — {Settings.Optimizer}, base lr {G(Settings.LearningRate)}");
        if (ExperimentCharts.AllPositive(Rows.Select(r => r.Trajectory))) figure = figure.WithLogY(figure.YAxisOf(1, 2));
        return figure.MarkDivergences();
    }

    public string ToTable() => Table().ToAligned();

    public string ToCsv() => Table().ToCsv();

    public string ToJson() => JsonOutput.Write(json =>
    {
        json.WriteString("problem", Settings.Problem.Name);
        json.WriteString("optimizer", Settings.Optimizer.ToString());
        json.Number("lr", Settings.LearningRate);
        json.WriteNumber("steps", Settings.TotalSteps);
        json.Number("tolerance", Tolerance);
        json.WriteStartArray("schedules");
        foreach (var r in Rows)
        {
            json.WriteStartObject();
            json.WriteString("schedule", r.Schedule.ToString());
            json.Number("final_loss", r.FinalLoss);
            json.Number("best_loss", r.BestLoss);
            json.Number("final_lr", r.LearningRates.LastOrDefault(double.NaN));
            json.WriteBoolean("diverged", r.Diverged);
            json.Number("diverged_at", r.Outcome.DivergedAt);
            json.Number("steps_to_tol", r.Outcome.StepsToTolerance);
            json.Numbers("lrs", r.LearningRates);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    public override string ToString() => Summary;

    /// <summary><c>schedule,final_loss,best_loss,final_lr,diverged,diverged_at,steps_to_tol</c>.</summary>
    private TextTable Table()
    {
        var table = new TextTable(["schedule", "final_loss", "best_loss", "final_lr", "diverged", "diverged_at", "steps_to_tol"]);
        foreach (var r in Rows)
            table.Add(r.Schedule.ToString(), r.FinalLoss, r.BestLoss, r.LearningRates.Length == 0 ? null : r.LearningRates[^1],
                r.Diverged, r.Outcome.DivergedAt, r.Outcome.StepsToTolerance);
        return table;
    }
}
