using GdNotebooks.Charts;
using GdNotebooks.Training;
using static GdNotebooks.Experiments.LearningRateSweepResult;

namespace GdNotebooks.Experiments;

/// <summary>The result of <see cref="LearningRateRangeTest.Run"/>: one point per update made, and the suggested rates.</summary>
public sealed class LearningRateRangeTestResult : IExperimentResult
{
    private readonly int? _suggestion;

    internal LearningRateRangeTestResult(DescentSettings template, double minLr, double maxLr, int steps, double smoothing,
        double initialLoss, IReadOnlyList<RangeTestPoint> points, string? stopReason, int? suggestion)
    {
        Settings = template;
        MinLearningRate = minLr;
        MaxLearningRate = maxLr;
        Steps = steps;
        Smoothing = smoothing;
        InitialLoss = initialLoss;
        Points = points;
        StopReason = stopReason;
        _suggestion = suggestion;
    }

    public DescentSettings Settings { get; }
    public double MinLearningRate { get; }
    public double MaxLearningRate { get; }
    /// <summary>The planned number of updates; <see cref="Points"/> is shorter when the test stopped early.</summary>
    public int Steps { get; }
    public double Smoothing { get; }
    /// <summary>The loss at the start, before any update.</summary>
    public double InitialLoss { get; }
    public IReadOnlyList<RangeTestPoint> Points { get; }
    /// <summary>Why the test stopped before its last rate, or null when it ran through.</summary>
    public string? StopReason { get; }

    /// <summary>The step after which the loss turned NaN or infinite, where the test stopped; null when it stayed finite.</summary>
    public int? DivergedAt => Points.Count > 0 && !double.IsFinite(Points[^1].SmoothedLoss) ? Points[^1].Step : null;

    /// <summary>The rate where the smoothed loss fell fastest against log lr; null when it never fell.</summary>
    public double? SuggestedLearningRate => _suggestion is int i ? Points[i].LearningRate : null;

    /// <summary>The rate at which the smoothed loss was lowest.</summary>
    public double? MinimumLossLearningRate => Points.Count == 0 ? null
        : Points.Where(p => double.IsFinite(p.SmoothedLoss)).MinBy(p => p.SmoothedLoss)?.LearningRate;

    public string Summary
    {
        get
        {
            string run = $"Range test of {Settings.Problem.Name} with {Settings.Optimizer}: lr from {G(MinLearningRate)} to {G(MaxLearningRate)} over {Points.Count} of {Steps} updates";
            string stop = StopReason is null ? "" : $", stopped because {StopReason}";
            string minimum = MinimumLossLearningRate is double m ? $"; the smoothed loss was lowest at lr {G(m)} (a tenth of it, {G(m / 10)}, is the cautious choice)" : "";
            if (SuggestedLearningRate is double s)
                return $"{run}{stop}. Suggested lr = {G(s)}, where the smoothed loss fell fastest{minimum}.";
            return $"{run}{stop}. No suggestion: the smoothed loss never fell; try a smaller min-lr or more steps{minimum}.";
        }
    }

    public IReadOnlyList<string> Notes =>
        [.. StopReason is null ? [] : new[] { $"stopped early: {StopReason}" },
         .. SuggestedLearningRate is null ? new[] { "no suggestion: the smoothed loss never fell" } : []];

    /// <summary>Loss against learning rate (log x): raw losses faint, the smoothed loss as a line, the suggestion marked.</summary>
    public Figure ToFigure()
    {
        var lrs = Points.Select(p => p.LearningRate).ToArray();
        var figure = new Figure()
            .Add(new ScatterTrace
            {
                X = lrs, Y = Points.Select(p => p.Loss).ToArray(), Name = "loss", Mode = ScatterMode.Markers,
                Marker = new Marker { Size = 4, Opacity = 0.4 },
            })
            .Add(new ScatterTrace
            {
                X = lrs, Y = Points.Select(p => p.SmoothedLoss).ToArray(), Name = "smoothed loss", Mode = ScatterMode.Lines,
                HoverTemplate = "lr=%{x:.3g}<br>smoothed loss=%{y:.4g}<extra></extra>",
            })
            .WithLogX().WithXTitle("learning rate").WithYTitle("loss")
            .WithTitle($"Learning-rate range test: {Settings.Problem.Name} — {Settings.Optimizer}");
        // Keep the view on the smoothed curve: the last raw losses can be orders of magnitude larger.
        var smoothed = Points.Select(p => p.SmoothedLoss).Where(double.IsFinite).ToList();
        if (smoothed.Count > 0)
        {
            double lo = smoothed.Min(), hi = smoothed.Max(), pad = 0.05 * (hi - lo + 1e-12);
            figure = figure.WithAxis("y", a => a with { Range = [lo - pad, hi + pad] });
        }
        if (_suggestion is int i)
            figure = figure
                .Add(new ScatterTrace
                {
                    X = new[] { Points[i].LearningRate }, Y = new[] { Points[i].SmoothedLoss }, Name = "suggested lr",
                    Mode = ScatterMode.Markers, Marker = new Marker { Color = "crimson", Size = 12, Symbol = "circle-open" },
                })
                .WithVerticalLine(Points[i].LearningRate, $"suggested lr = {G(Points[i].LearningRate)}");
        return figure;
    }

    public string ToTable() => Table().ToAligned();

    public string ToCsv() => Table().ToCsv();

    public string ToJson() => JsonOutput.Write(json =>
    {
        json.WriteString("problem", Settings.Problem.Name);
        json.WriteString("optimizer", Settings.Optimizer.ToString());
        json.Number("min_lr", MinLearningRate);
        json.Number("max_lr", MaxLearningRate);
        json.WriteNumber("steps", Steps);
        json.Number("smoothing", Smoothing);
        json.Number("initial_loss", InitialLoss);
        json.Number("suggested_lr", SuggestedLearningRate);
        json.Number("min_loss_lr", MinimumLossLearningRate);
        if (StopReason is null) json.WriteNull("stopped");
        else json.WriteString("stopped", StopReason);
        json.Number("diverged_at", DivergedAt);
        json.WriteStartArray("points");
        foreach (var p in Points)
        {
            json.WriteStartObject();
            json.WriteNumber("step", p.Step);
            json.Number("lr", p.LearningRate);
            json.Number("loss", p.Loss);
            json.Number("smoothed_loss", p.SmoothedLoss);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    public override string ToString() => Summary;

    /// <summary><c>step,lr,loss,smoothed_loss</c>: row k is the loss after update k, which used rate lr.</summary>
    private TextTable Table()
    {
        var table = new TextTable(["step", "lr", "loss", "smoothed_loss"]);
        foreach (var p in Points) table.Add(p.Step, p.LearningRate, p.Loss, p.SmoothedLoss);
        return table;
    }
}
