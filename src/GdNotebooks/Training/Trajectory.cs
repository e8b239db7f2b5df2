using GdNotebooks.Charts;
using GdNotebooks.Experiments;

namespace GdNotebooks.Training;

/// <summary>
/// The result of <see cref="GradientDescent.Run(DescentSettings, CancellationToken)"/>: rows 0…N (or up to the divergence),
/// the step at which the loss turned non-finite (null if it never did), the last parameters, and the settings that produced it.
/// </summary>
public sealed class Trajectory : IExperimentResult
{
    internal Trajectory(IReadOnlyList<TrajectoryPoint> points, int? divergedAt, double[] finalParameters, DescentSettings settings)
    {
        Points = points;
        DivergedAt = divergedAt;
        FinalParameters = finalParameters;
        Settings = settings;
    }

    /// <summary>Row k holds the state after k updates; the last row is the final state (or the first non-finite one).</summary>
    public IReadOnlyList<TrajectoryPoint> Points { get; }

    /// <summary>The first k whose loss is NaN or infinite; the run stopped there. Null when the run finished.</summary>
    public int? DivergedAt { get; }

    /// <summary>w after the last row's updates (non-finite entries possible when diverged).</summary>
    public double[] FinalParameters { get; }

    public DescentSettings Settings { get; }

    /// <summary>The loss at each row, in order.</summary>
    public double[] Losses => Points.Select(p => p.Loss).ToArray();

    public string Summary
    {
        get
        {
            var s = Settings;
            string run = $"{s.Optimizer} at lr {TextTable.Csv(s.LearningRate)}" + (s.Schedule.Name == "constant" ? "" : $" with {s.Schedule}") + $" on {s.Problem.Name}";
            var first = Points[0];
            var last = Points[^1];
            if (DivergedAt is int k)
                return $"{run} diverged at step {k}: the loss went from {TextTable.Csv(first.Loss)} to {TextTable.Csv(last.Loss)}.";
            return $"{run}: the loss went from {TextTable.Csv(first.Loss)} to {TextTable.Csv(last.Loss)} in {last.Step} steps; final gradient norm {TextTable.Csv(last.GradientNorm)}.";
        }
    }

    public IReadOnlyList<string> Notes => DivergedAt is int k ? [$"diverged at step {k}"] : [];

    /// <summary>Loss against step (log scale when it stays positive) beside the learning rate each update used.</summary>
    public Figure ToFigure()
    {
        var steps = Points.Select(p => (double)p.Step).ToArray();
        var figure = Figure.Subplots(1, 2, "loss", "learning rate")
            .Add(new ScatterTrace { X = steps, Y = Losses, Name = "loss", Mode = ScatterMode.Lines }, 1, 1)
            .Add(new ScatterTrace { X = steps[1..], Y = Points.Skip(1).Select(p => p.LearningRate ?? double.NaN).ToArray(), Name = "lr", Mode = ScatterMode.Lines }, 1, 2)
            .WithTitle(Settings.Problem.Name + " — " + Settings.Optimizer)
            .WithXTitle("step").WithXTitle("step", "x2");
        if (Points.All(p => !(p.Loss <= 0))) figure = figure.WithLogY();
        return DivergedAt is int k ? figure.WithDivergenceAt(k) : figure;
    }

    public string ToTable() => Table().ToAligned();

    public string ToCsv() => Table().ToCsv();

    public string ToJson() => JsonOutput.Write(json =>
    {
        json.WriteString("problem", Settings.Problem.Name);
        json.WriteString("optimizer", Settings.Optimizer.ToString());
        json.WriteString("schedule", Settings.Schedule.ToString());
        json.Number("lr", Settings.LearningRate);
        json.Number("diverged_at", DivergedAt);
        json.WriteStartArray("steps");
        foreach (var p in Points)
        {
            json.WriteStartObject();
            json.WriteNumber("step", p.Step);
            json.Number("loss", p.Loss);
            json.Number("lr", p.LearningRate);
            json.Number("grad_norm", p.GradientNorm);
            if (p.Parameters is { } w) json.Numbers("w", w);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.Numbers("final_w", FinalParameters);
    });

    public override string ToString() => Summary;

    /// <summary><c>step,loss,lr,grad_norm,w0,w1,…</c>: parameters only for problems with at most 16 of them.</summary>
    private TextTable Table()
    {
        int width = Points[0].Parameters?.Length ?? 0;
        var table = new TextTable(["step", "loss", "lr", "grad_norm", .. Enumerable.Range(0, width).Select(i => $"w{i}")]);
        foreach (var p in Points)
            table.Add([p.Step, p.Loss, p.LearningRate, p.GradientNorm, .. (p.Parameters ?? []).Cast<object?>()]);
        return table;
    }
}
