using GdNotebooks.Charts;

namespace GdNotebooks.Experiments;

/// <summary>What <see cref="SharpnessExperiment.Run"/> found: one <see cref="SharpnessRun"/> per batch size, smallest first.</summary>
public sealed class SharpnessResult : IExperimentResult
{
    internal SharpnessResult(SharpnessSettings settings, IReadOnlyList<SharpnessRun> runs)
    {
        Settings = settings;
        Runs = runs;
    }

    public SharpnessSettings Settings { get; }

    public IReadOnlyList<SharpnessRun> Runs { get; }

    public string Summary
    {
        get
        {
            var d = Settings.Descent;
            string each = string.Join("; ", Runs.Select(r =>
                $"B={Label(r)}: train loss {Short(r.TrainLoss)}, test loss {Short(r.TestLoss)} (gap {Short(r.GeneralizationGap)})" +
                (r.TestAccuracy is double a ? $", test accuracy {Short(a)}" : "") +
                $", λ_max {Short(r.Sharpness)}, trace {Short(r.Trace.Trace)}" +
                (r.Trajectory.DivergedAt is int k ? $", diverged at step {k}" : "")));
            string verdict = "";
            if (Runs.Count >= 2)
            {
                var (small, large) = (Runs[0], Runs[^1]);
                verdict = large.Sharpness > small.Sharpness
                    ? $" The large batch ended {Short(large.Sharpness / small.Sharpness)}× sharper than the small one."
                    : $" The large batch did not end sharper here (ratio {Short(large.Sharpness / small.Sharpness)}).";
            }
            return $"{d.Optimizer} at lr {TextTable.Csv(d.LearningRate)} on {d.Problem.Name}: {each}.{verdict}";
        }
    }

    public IReadOnlyList<string> Notes =>
        Runs.Where(r => r.Trajectory.DivergedAt is not null).Select(r => $"B={Label(r)} diverged at step {r.Trajectory.DivergedAt}").ToList();

    /// <summary>Training loss against epochs per batch size; λ_max per batch size; train and test loss per batch size.</summary>
    public Figure ToFigure()
    {
        var figure = Figure.Subplots(1, 3, "training loss", "sharpness λ_max and trace/10", "train vs test loss");
        int n = (Settings.Descent.Problem as Problems.IDataProblem)?.TrainCount ?? Runs.Max(r => r.BatchSize);
        foreach (var run in Runs)
        {
            int perEpoch = (n + run.BatchSize - 1) / run.BatchSize;
            figure = figure.Add(new ScatterTrace
            {
                X = run.Trajectory.Points.Select(p => p.Step / (double)perEpoch).ToArray(), Y = run.Trajectory.Losses,
                Name = $"B={Label(run)}", Mode = ScatterMode.Lines,
            }, 1, 1);
        }
        var labels = Runs.Select(r => $"B={Label(r)}").ToArray();
        figure = figure
            .Add(new BarTrace { X = labels, Y = Runs.Select(r => r.Sharpness).ToArray(), Name = "λ_max" }, 1, 2)
            .Add(new BarTrace { X = labels, Y = Runs.Select(r => r.Trace.Trace / 10).ToArray(), ErrorY = Runs.Select(r => r.Trace.StandardError / 10).ToArray(), Name = "trace / 10" }, 1, 2)
            .Add(new BarTrace { X = labels, Y = Runs.Select(r => r.TrainLoss).ToArray(), Name = "train loss" }, 1, 3)
            .Add(new BarTrace { X = labels, Y = Runs.Select(r => r.TestLoss).ToArray(), Name = "test loss" }, 1, 3)
            .WithXTitle("epoch", figure.XAxisOf(1, 1)).WithYTitle("loss", figure.YAxisOf(1, 1))
            .WithTitle($"Small vs large batch — {Settings.Descent.Problem.Name}");
        if (Runs.All(r => r.Trajectory.Losses.All(l => l > 0))) figure = figure.WithLogY(figure.YAxisOf(1, 1));
        return figure;
    }

    public string ToTable() => Table().ToAligned();

    public string ToCsv() => Table().ToCsv();

    public string ToJson() => JsonOutput.Write(json =>
    {
        var d = Settings.Descent;
        json.WriteString("problem", d.Problem.Name);
        json.WriteString("optimizer", d.Optimizer.ToString());
        json.Number("lr", d.LearningRate);
        json.WriteStartArray("runs");
        foreach (var r in Runs)
        {
            json.WriteStartObject();
            json.WriteNumber("batch", r.BatchSize);
            json.WriteBoolean("full", r.IsFullBatch);
            json.WriteNumber("steps", r.Trajectory.Points[^1].Step);
            json.Number("train_loss", r.TrainLoss);
            json.Number("test_loss", r.TestLoss);
            json.Number("gap", r.GeneralizationGap);
            json.Number("train_accuracy", r.TrainAccuracy);
            json.Number("test_accuracy", r.TestAccuracy);
            json.Number("sharpness", r.Sharpness);
            json.Number("trace", r.Trace.Trace);
            json.Number("trace_se", r.Trace.StandardError);
            json.Number("diverged_at", r.Trajectory.DivergedAt);
            json.Numbers("loss", r.Trajectory.Losses);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    public override string ToString() => Summary;

    private static string Label(SharpnessRun r) => r.IsFullBatch ? $"full ({r.BatchSize})" : r.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Short(double x) => NumberText.Format(x, 4);

    /// <summary><c>batch,full,steps,train_loss,test_loss,gap,train_accuracy,test_accuracy,sharpness,trace,trace_se</c>.</summary>
    private TextTable Table()
    {
        var table = new TextTable(["batch", "full", "steps", "train_loss", "test_loss", "gap", "train_accuracy", "test_accuracy", "sharpness", "trace", "trace_se"]);
        foreach (var r in Runs)
            table.Add(r.BatchSize, r.IsFullBatch, r.Trajectory.Points[^1].Step, r.TrainLoss, r.TestLoss, r.GeneralizationGap,
                r.TrainAccuracy, r.TestAccuracy, r.Sharpness, r.Trace.Trace, r.Trace.StandardError);
        return table;
    }
}
