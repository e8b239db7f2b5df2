using GdNotebooks.Charts;

namespace GdNotebooks.Experiments;

/// <summary>
/// What <see cref="EdgeOfStability.Run"/> found: the training loss at every step, the sharpness at the measured steps,
/// and the stability threshold 2/η it is compared with.
/// </summary>
public sealed class EdgeOfStabilityResult : IExperimentResult
{
    internal EdgeOfStabilityResult(EdgeOfStabilitySettings settings, IReadOnlyList<double> losses, IReadOnlyList<SharpnessPoint> sharpness, int? divergedAt)
    {
        Settings = settings;
        Losses = losses;
        Sharpness = sharpness;
        DivergedAt = divergedAt;
    }

    public EdgeOfStabilitySettings Settings { get; }

    /// <summary>The full training loss after k updates, k = 0 … N (or up to the divergence).</summary>
    public IReadOnlyList<double> Losses { get; }

    /// <summary>λ_max at steps 0, k, 2k, … and the last step.</summary>
    public IReadOnlyList<SharpnessPoint> Sharpness { get; }

    public int? DivergedAt { get; }

    /// <summary>2/η for the base learning rate η: the curvature beyond which GD is unstable on a quadratic.</summary>
    public double Threshold => 2 / Settings.Descent.LearningRate;

    /// <summary>The last measured sharpness.</summary>
    public double FinalSharpness => Sharpness.Count == 0 ? double.NaN : Sharpness[^1].Sharpness;

    /// <summary>The mean sharpness over the measurements in the last fifth of the run: where it settled, with the oscillation averaged out.</summary>
    public double LateSharpness
    {
        get
        {
            if (Sharpness.Count == 0) return double.NaN;
            int last = Sharpness[^1].Step;
            var late = Sharpness.Where(p => p.Step >= 0.8 * last).ToList();
            return late.Average(p => p.Sharpness);
        }
    }

    /// <summary>The first measured step at which λ_max ≥ 2/η, or null if it never got there.</summary>
    public int? ReachedThresholdAt => Sharpness.FirstOrDefault(p => p.Sharpness >= Threshold)?.Step;

    public string Summary
    {
        get
        {
            var d = Settings.Descent;
            string run = $"Full-batch {d.Optimizer} at lr {TextTable.Csv(d.LearningRate)} on {d.Problem.Name}";
            if (DivergedAt is int k) return $"{run} diverged at step {k}; 2/lr = {TextTable.Csv(Threshold)}.";
            if (Sharpness.Count == 0) return $"{run}: no sharpness measured.";
            string reached = ReachedThresholdAt is int s ? $"reached 2/lr at step {s}" : "never reached 2/lr";
            return $"{run}: the sharpness went from {TextTable.Csv(Sharpness[0].Sharpness)} to {TextTable.Csv(FinalSharpness)} " +
                   $"(mean over the last fifth {TextTable.Csv(LateSharpness)} = {TextTable.Csv(Math.Round(100 * LateSharpness / Threshold, 1))}% of 2/lr = {TextTable.Csv(Threshold)}); " +
                   $"it {reached}. The loss went from {TextTable.Csv(Losses[0])} to {TextTable.Csv(Losses[^1])}.";
        }
    }

    public IReadOnlyList<string> Notes
    {
        get
        {
            var notes = new List<string>();
            if (DivergedAt is int k) notes.Add($"diverged at step {k}");
            var d = Settings.Descent;
            if (d.Optimizer.ToString() != "sgd")
                notes.Add($"2/lr is the threshold of plain gradient descent; {d.Optimizer} has a different one (e.g. (2+2β)/lr for heavy-ball momentum β)");
            if (d.Schedule.Name != "constant") notes.Add($"the line is 2/lr for the base lr; the schedule {d.Schedule} moves the threshold");
            return notes;
        }
    }

    /// <summary>Loss against step (log scale) above the sharpness against step with 2/η drawn.</summary>
    public Figure ToFigure()
    {
        var steps = Enumerable.Range(0, Losses.Count).Select(k => (double)k).ToArray();
        var figure = Figure.Subplots(2, 1, "training loss", "sharpness λ_max")
            .Add(new ScatterTrace { X = steps, Y = Losses.ToArray(), Name = "loss", Mode = ScatterMode.Lines }, 1, 1)
            .Add(new ScatterTrace
            {
                X = Sharpness.Select(p => (double)p.Step).ToArray(), Y = Sharpness.Select(p => p.Sharpness).ToArray(),
                Name = "sharpness", Mode = ScatterMode.LinesAndMarkers,
            }, 2, 1)
            .Add(new ScatterTrace
            {
                X = new double[] { 0, Math.Max(1, Losses.Count - 1) }, Y = new[] { Threshold, Threshold }, Name = "2/η",
                Mode = ScatterMode.Lines, Line = new Line { Dash = Dash.Dash, Color = "crimson" },
            }, 2, 1)
            .WithTitle($"Edge of stability — {Settings.Descent.Problem.Name}, lr {TextTable.Csv(Settings.Descent.LearningRate)}")
            .WithXTitle("step", "x2").WithYTitle("loss").WithYTitle("λ_max", "y2");
        if (Losses.All(l => l > 0)) figure = figure.WithLogY();
        return DivergedAt is int k ? figure.WithDivergenceAt(k) : figure;
    }

    public string ToTable() => Table().ToAligned();

    public string ToCsv() => Table().ToCsv();

    public string ToJson() => JsonOutput.Write(json =>
    {
        var d = Settings.Descent;
        json.WriteString("problem", d.Problem.Name);
        json.WriteString("optimizer", d.Optimizer.ToString());
        json.Number("lr", d.LearningRate);
        json.Number("two_over_lr", Threshold);
        json.Number("final_sharpness", FinalSharpness);
        json.Number("late_sharpness", LateSharpness);
        json.Number("reached_threshold_at", ReachedThresholdAt);
        json.Number("diverged_at", DivergedAt);
        json.Numbers("loss", Losses);
        json.WriteStartArray("sharpness");
        foreach (var p in Sharpness)
        {
            json.WriteStartObject();
            json.WriteNumber("step", p.Step);
            json.Number("loss", p.Loss);
            json.Number("sharpness", p.Sharpness);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    public override string ToString() => Summary;

    /// <summary><c>step,loss,sharpness,two_over_lr</c>: one row per step, sharpness empty where it was not measured.</summary>
    private TextTable Table()
    {
        var table = new TextTable(["step", "loss", "sharpness", "two_over_lr"]);
        var byStep = Sharpness.ToDictionary(p => p.Step, p => p.Sharpness);
        for (int k = 0; k < Losses.Count; k++)
            table.Add(k, Losses[k], byStep.TryGetValue(k, out var s) ? s : null, Threshold);
        return table;
    }
}
