using GdNotebooks.Charts;
using GdNotebooks.Training;
using static GdNotebooks.Experiments.LearningRateSweepResult;

namespace GdNotebooks.Experiments;

/// <summary>The result of <see cref="OptimizerComparison.Run"/>: one row per optimizer, in the order given.</summary>
public sealed class OptimizerComparisonResult : IExperimentResult
{
    internal OptimizerComparisonResult(DescentSettings template, double tolerance, IReadOnlyList<OptimizerRun> rows, LossSurface? surface)
    {
        Settings = template;
        Tolerance = tolerance;
        Rows = rows;
        Surface = surface;
    }

    /// <summary>The template every run shared (its optimizer is not used).</summary>
    public DescentSettings Settings { get; }
    public double Tolerance { get; }
    public IReadOnlyList<OptimizerRun> Rows { get; }

    /// <summary>The loss around all trajectories, for 2-parameter problems; else null.</summary>
    public LossSurface? Surface { get; }

    /// <summary>The optimizer with the lowest final loss among the runs that did not diverge.</summary>
    public OptimizerRun? Best => Rows.Where(r => !r.Diverged).OrderBy(r => r.FinalLoss).ThenBy(r => r.StepsToTolerance ?? int.MaxValue).FirstOrDefault();

    public string Summary
    {
        get
        {
            var s = Settings;
            string each = string.Join("; ", Rows.Select(r => r.Diverged
                ? $"{r.Label(s.LearningRate)} diverged at step {r.Outcome.DivergedAt}"
                : $"{r.Label(s.LearningRate)} ended at {G(r.FinalLoss)}" + (r.StepsToTolerance is int k ? $" (≤ {G(Tolerance)} from step {k})" : "")));
            string best = Best is { } b ? $" Best: {b.Label(s.LearningRate)}." : " Every optimizer diverged.";
            string rate = Rows.All(r => r.LearningRate == s.LearningRate) ? $"at lr {G(s.LearningRate)}" : $"at lr {G(s.LearningRate)} unless given";
            return $"Optimizers on {s.Problem.Name} {rate}{ScheduleText(s)}, {s.TotalSteps} steps: {each}.{best}";
        }
    }

    public IReadOnlyList<string> Notes => Rows.Where(r => r.Diverged).Select(r => $"{r.Label(Settings.LearningRate)} diverged at step {r.Outcome.DivergedAt}").ToList();

    /// <summary>
    /// For 2-parameter problems, the trajectories over a contour of the loss (of log(1 + f) when f ≥ 0) beside the
    /// loss curves; otherwise the loss curves alone. Loss on a log axis when every loss is positive.
    /// </summary>
    public Figure ToFigure()
    {
        bool logY = ExperimentCharts.AllPositive(Rows.Select(r => r.Trajectory));
        string title = $"Optimizers: {Settings.Problem.Name}, {Settings.TotalSteps} steps";
        if (Surface is null)
        {
            var single = new Figure().WithTitle(title).WithXTitle("step").WithYTitle("loss");
            for (int i = 0; i < Rows.Count; i++) single = single.Add(ExperimentCharts.LossCurve(Rows[i].Trajectory, Rows[i].Label(Settings.LearningRate), i));
            return (logY ? single.WithLogY() : single).MarkDivergences();
        }

        var names = Settings.Problem.ParameterNames;
        var figure = Figure.Subplots(1, 2, "trajectories", "loss")
            .Add(new ContourTrace
            {
                X = Surface.X, Y = Surface.Y, Z = Surface.Z, Name = Surface.LogScale ? "log(1+f)" : "f",
                Colorscale = "Viridis", NContours = 30, ShowScale = false, Opacity = 0.8,
            }, 1, 1);
        for (int i = 0; i < Rows.Count; i++)
        {
            var r = Rows[i];
            string name = r.Label(Settings.LearningRate);
            var path = r.Trajectory.Points.Where(p => p.Parameters is not null).Select(p => p.Parameters!).ToList();
            var keep = CurveSampling.Indices(path.Count);
            figure = figure
                .Add(new ScatterTrace
                {
                    X = keep.Select(k => path[k][0]).ToArray(), Y = keep.Select(k => path[k][1]).ToArray(), Name = name,
                    Mode = ScatterMode.LinesAndMarkers, Line = new Line { Color = ExperimentCharts.Color(i), Width = 2 },
                    Marker = new Marker { Color = ExperimentCharts.Color(i), Size = 3 }, LegendGroup = name,
                }, 1, 1)
                .Add(ExperimentCharts.LossCurve(r.Trajectory, name, i, showLegend: false), 1, 2);
        }
        // Fixed ranges: a diverging path runs off the contour instead of rescaling it to nothing.
        figure = figure
            .WithAxis("x", a => a with { Range = [Surface.X[0], Surface.X[^1]] })
            .WithAxis("y", a => a with { Range = [Surface.Y[0], Surface.Y[^1]] })
            .WithXTitle(names[0]).WithYTitle(names[1])
            .WithXTitle("step", figure.XAxisOf(1, 2)).WithYTitle("loss", figure.YAxisOf(1, 2))
            .WithTitle(title);
        if (logY) figure = figure.WithLogY(figure.YAxisOf(1, 2));
        return figure;
    }

    public string ToTable() => Table().ToAligned();

    public string ToCsv() => Table().ToCsv();

    public string ToJson() => JsonOutput.Write(json =>
    {
        json.WriteString("problem", Settings.Problem.Name);
        json.Number("lr", Settings.LearningRate);
        json.WriteString("schedule", Settings.Schedule.ToString());
        json.WriteNumber("steps", Settings.TotalSteps);
        json.Number("tolerance", Tolerance);
        json.WriteStartArray("optimizers");
        foreach (var r in Rows)
        {
            json.WriteStartObject();
            json.WriteString("optimizer", r.Optimizer.ToString());
            json.Number("lr", r.LearningRate);
            json.Number("final_loss", r.FinalLoss);
            json.Number("best_loss", r.Outcome.BestLoss);
            json.WriteBoolean("diverged", r.Diverged);
            json.Number("diverged_at", r.Outcome.DivergedAt);
            json.Number("steps_to_tol", r.StepsToTolerance);
            if (r.FinalParameters.Length <= GradientDescent.MaxRecordedDimension) json.Numbers("final_w", r.FinalParameters);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    public override string ToString() => Summary;

    /// <summary><c>optimizer,lr,final_loss,best_loss,diverged,diverged_at,steps_to_tol</c>.</summary>
    private TextTable Table()
    {
        var table = new TextTable(["optimizer", "lr", "final_loss", "best_loss", "diverged", "diverged_at", "steps_to_tol"]);
        foreach (var r in Rows) table.Add(r.Optimizer.ToString(), r.LearningRate, r.FinalLoss, r.Outcome.BestLoss, r.Diverged, r.Outcome.DivergedAt, r.StepsToTolerance);
        return table;
    }
}
