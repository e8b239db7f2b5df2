using System.Globalization;
using GdNotebooks.Charts;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>
/// The result of <see cref="LearningRateSweep.Run"/>: one row per learning rate, in the order given, and on problems
/// with a constant Hessian the largest curvature L and the stability limit 2/L of plain gradient descent.
/// </summary>
public sealed class LearningRateSweepResult : IExperimentResult
{
    internal LearningRateSweepResult(DescentSettings template, double tolerance, IReadOnlyList<LearningRateSweepRow> rows, double? largestCurvature)
    {
        Settings = template;
        Tolerance = tolerance;
        Rows = rows;
        LargestCurvature = largestCurvature;
    }

    /// <summary>The template every run shared (its learning rate is not used).</summary>
    public DescentSettings Settings { get; }

    public double Tolerance { get; }

    public IReadOnlyList<LearningRateSweepRow> Rows { get; }

    /// <summary>L, the Hessian's largest eigenvalue, when the Hessian is constant; else null.</summary>
    public double? LargestCurvature { get; }

    /// <summary>2/L: plain gradient descent with a constant rate converges below it and diverges above it. Null unless the Hessian is constant.</summary>
    public double? StabilityLimit => LargestCurvature is double l ? 2 / l : null;

    /// <summary>The run with the lowest final loss among those that did not diverge (ties: first to the tolerance, then the smaller rate).</summary>
    public LearningRateSweepRow? Best => Rows.Where(r => !r.Diverged)
        .OrderBy(r => r.FinalLoss).ThenBy(r => r.StepsToTolerance ?? int.MaxValue).ThenBy(r => r.LearningRate).FirstOrDefault();

    public string Summary
    {
        get
        {
            var s = Settings;
            var parts = new List<string>();
            var diverged = Rows.Where(r => r.Diverged).OrderBy(r => r.LearningRate).ToList();
            if (diverged.Count == 0) parts.Add("none diverged");
            else if (diverged.Count <= 3) parts.Add(string.Join("; ", diverged.Select(r => $"α = {G(r.LearningRate)} diverged at step {r.DivergedAt}")));
            else parts.Add($"{diverged.Count} of {Rows.Count} diverged, from α = {G(diverged[0].LearningRate)} (at step {diverged[0].DivergedAt}) up");
            if (Best is { } best)
            {
                string reach = best.StepsToTolerance is int k
                    ? $"reached {G(best.FinalLoss)} and was within the tolerance {G(Tolerance)} from step {k}"
                    : $"ended at {G(best.FinalLoss)} (never within the tolerance {G(Tolerance)})";
                parts.Add($"best α = {G(best.LearningRate)} {reach}");
            }
            else parts.Add("every rate diverged: try smaller ones");
            if (StabilityLimit is double limit)
                parts.Add($"the Hessian is constant with L = {G(LargestCurvature!.Value)}, so plain gradient descent is stable for α < 2/L = {G(limit)}");
            return $"Learning-rate sweep of {s.Problem.Name} with {s.Optimizer}{ScheduleText(s)}, {s.TotalSteps} steps per rate: {string.Join("; ", parts)}.";
        }
    }

    public IReadOnlyList<string> Notes
    {
        get
        {
            var notes = Rows.Where(r => r.Diverged).OrderBy(r => r.LearningRate)
                .Select(r => $"α = {G(r.LearningRate)} diverged at step {r.DivergedAt}" +
                             (double.IsFinite(r.FinalLoss) ? $" (finite but still growing: final loss {G(r.FinalLoss)} > initial {G(r.Outcome.InitialLoss)})" : ""))
                .ToList();
            if (StabilityLimit is not null && (Settings.Optimizer.ToString() != "sgd" || Settings.Schedule.Name != "constant"))
                notes.Add($"2/L is the limit of plain gradient descent at a constant rate; {Settings.Optimizer}{ScheduleText(Settings)} has its own");
            return notes;
        }
    }

    /// <summary>
    /// Left: final loss against learning rate (log x; log y when every loss drawn is positive), best loss dotted, the
    /// initial loss as a horizontal line, diverged rates as red ×s along the top, and 2/L as a vertical line when known.
    /// Right: the loss curve of one rate at a time, chosen with a slider.
    /// </summary>
    public Figure ToFigure()
    {
        var sorted = Rows.OrderBy(r => r.LearningRate).ToList();
        var kept = sorted.Where(r => !r.Diverged).ToList();
        var lost = sorted.Where(r => r.Diverged).ToList();
        double initial = sorted[0].Outcome.InitialLoss;
        var drawn = kept.SelectMany(r => new[] { r.FinalLoss, r.BestLoss }).Append(initial).Where(double.IsFinite).ToList();
        bool logY = drawn.All(v => v > 0);
        double top = drawn.Count == 0 ? 1 : logY ? drawn.Max() * 3 : drawn.Max() + 0.1 * (drawn.Max() - Math.Min(0, drawn.Min()) + 1e-12);

        var figure = Figure.Subplots(1, 2, "final loss vs learning rate", "loss curve")
            .Add(new ScatterTrace
            {
                X = kept.Select(r => r.LearningRate).ToArray(), Y = kept.Select(r => r.FinalLoss).ToArray(),
                Name = "final loss", Mode = ScatterMode.LinesAndMarkers,
                HoverTemplate = "α=%{x:.3g}<br>final loss=%{y:.3g}<extra></extra>",
            }, 1, 1)
            .Add(new ScatterTrace
            {
                X = kept.Select(r => r.LearningRate).ToArray(), Y = kept.Select(r => r.BestLoss).ToArray(),
                Name = "best loss", Mode = ScatterMode.Lines, Line = new Line { Dash = Dash.Dot },
                HoverTemplate = "α=%{x:.3g}<br>best loss=%{y:.3g}<extra></extra>",
            }, 1, 1);
        if (lost.Count > 0)
            figure = figure.Add(new ScatterTrace
            {
                X = lost.Select(r => r.LearningRate).ToArray(), Y = lost.Select(_ => top).ToArray(),
                Name = "diverged", Mode = ScatterMode.Markers,
                Marker = new Marker { Symbol = "x", Color = "crimson", Size = 10 },
                Text = lost.Select(r => $"diverged at step {r.DivergedAt}").ToArray(),
                HoverTemplate = "α=%{x:.3g}<br>%{text}<extra></extra>",
            }, 1, 1);
        figure = figure
            .WithShape(Shape.HorizontalLine(initial, "initial loss") with { Line = new Line { Color = "rgba(120,120,120,0.6)", Width = 1, Dash = Dash.Dot } })
            .WithLogX()
            .WithXTitle("learning rate α").WithYTitle("loss")
            .WithXTitle("step", figure.XAxisOf(1, 2)).WithYTitle("loss", figure.YAxisOf(1, 2))
            .WithTitle($"Learning-rate sweep: {Settings.Problem.Name} — {Settings.Optimizer}");
        if (logY) figure = figure.WithLogY();
        if (StabilityLimit is double limit) figure = figure.WithVerticalLine(limit, "2/L");

        bool curvesLog = sorted.All(r => r.Trajectory.Points.All(p => !(p.Loss <= 0)));
        if (curvesLog) figure = figure.WithLogY(figure.YAxisOf(1, 2));
        string x2 = figure.XAxisOf(1, 2), y2 = figure.YAxisOf(1, 2);
        var groups = sorted.Select(r =>
        {
            var losses = r.Trajectory.Losses;
            var keep = CurveSampling.Indices(losses.Length, losses);
            Trace curve = new ScatterTrace
            {
                X = keep.Select(i => (double)r.Trajectory.Points[i].Step).ToArray(), Y = CurveSampling.Take(losses, keep),
                Name = $"α = {G(r.LearningRate)}", Mode = ScatterMode.Lines, ShowLegend = false,
            }.OnAxes(x2, y2);
            return new TraceGroup(G(r.LearningRate), curve);
        });
        int active = Best is { } best ? sorted.IndexOf(best) : 0;
        return figure.WithTraceSlider("learning rate", groups, active);
    }

    public string ToTable() => Table().ToAligned();

    public string ToCsv() => Table().ToCsv();

    public string ToJson() => JsonOutput.Write(json =>
    {
        json.WriteString("problem", Settings.Problem.Name);
        json.WriteString("optimizer", Settings.Optimizer.ToString());
        json.WriteString("schedule", Settings.Schedule.ToString());
        json.WriteNumber("steps", Settings.TotalSteps);
        json.Number("tolerance", Tolerance);
        json.Number("largest_curvature", LargestCurvature);
        json.Number("stability_limit", StabilityLimit);
        json.WriteStartArray("rates");
        foreach (var r in Rows)
        {
            json.WriteStartObject();
            json.Number("lr", r.LearningRate);
            json.Number("initial_loss", r.Outcome.InitialLoss);
            json.Number("final_loss", r.FinalLoss);
            json.Number("best_loss", r.BestLoss);
            json.WriteBoolean("diverged", r.Diverged);
            json.Number("diverged_at", r.DivergedAt);
            json.Number("steps_to_tol", r.StepsToTolerance);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    public override string ToString() => Summary;

    /// <summary><c>lr,final_loss,best_loss,diverged,diverged_at,steps_to_tol</c>, one row per rate.</summary>
    private TextTable Table()
    {
        var table = new TextTable(["lr", "final_loss", "best_loss", "diverged", "diverged_at", "steps_to_tol"]);
        foreach (var r in Rows) table.Add(r.LearningRate, r.FinalLoss, r.BestLoss, r.Diverged, r.DivergedAt, r.StepsToTolerance);
        return table;
    }

    internal static string ScheduleText(DescentSettings s) => s.Schedule.Name == "constant" ? "" : $" and {s.Schedule}";

    /// <summary>A number for a sentence: 4 significant digits, and 1e-6 rather than 1E-06.</summary>
    internal static string G(double value) => NumberText.Format(value, 4);
}
