using GdNotebooks.Charts;

namespace GdNotebooks.Experiments;

/// <summary>
/// What <see cref="GradientNoise.Run"/> found: the per-example gradient statistics at the point, the measured noise of
/// each batch size against the 1/B law, the gradient noise scale, and one training curve per batch size.
/// </summary>
public sealed class GradientNoiseResult : IExperimentResult
{
    internal GradientNoiseResult(GradientNoiseSettings settings, int trainCount, double loss, double traceSigma, double gradientNormSquared,
        IReadOnlyList<BatchNoiseMeasurement> measurements, IReadOnlyList<BatchTrainingCurve> curves)
    {
        Settings = settings;
        TrainCount = trainCount;
        Loss = loss;
        TraceCovariance = traceSigma;
        GradientNormSquared = gradientNormSquared;
        Measurements = measurements;
        Curves = curves;
    }

    public GradientNoiseSettings Settings { get; }

    /// <summary>N, the training examples mini-batches are drawn from.</summary>
    public int TrainCount { get; }

    /// <summary>The full training loss at the measured point.</summary>
    public double Loss { get; }

    /// <summary>tr(Σ) = (1/N) Σᵢ ‖gᵢ − G‖², the total variance of one example's gradient.</summary>
    public double TraceCovariance { get; }

    /// <summary>|G|², the squared norm of the full-batch gradient.</summary>
    public double GradientNormSquared { get; }

    /// <summary>B_simple = tr(Σ)/|G|² (McCandlish et al. 2018); infinite at a stationary point.</summary>
    public double SimpleNoiseScale => TraceCovariance / GradientNormSquared;

    /// <summary>
    /// Set when the full-batch run to the measured point (<see cref="GradientNoiseSettings.MeasureAfter"/> &gt; 0) diverged:
    /// the step where its loss stopped being finite. The point, its gradients and so the noise are then not finite.
    /// </summary>
    public int? MeasureDivergedAt { get; init; }

    /// <summary>One per batch size, smallest first.</summary>
    public IReadOnlyList<BatchNoiseMeasurement> Measurements { get; }

    /// <summary>One per batch size, smallest first; empty when training was switched off.</summary>
    public IReadOnlyList<BatchTrainingCurve> Curves { get; }

    /// <summary>The least-squares slope of log variance against log B over the mini-batches (not the full batch); −1 for the 1/B law far below N.</summary>
    public double LogLogSlope
    {
        get
        {
            var points = Measurements.Where(m => !m.IsFullBatch && m.Variance > 0).Select(m => (X: Math.Log(m.BatchSize), Y: Math.Log(m.Variance))).ToList();
            if (points.Count < 2) return double.NaN;
            double mx = points.Average(p => p.X), my = points.Average(p => p.Y);
            double sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
            return sxx == 0 ? double.NaN : points.Sum(p => (p.X - mx) * (p.Y - my)) / sxx;
        }
    }

    public string Summary
    {
        get
        {
            var d = Settings.Descent;
            string where = Settings.MeasureAfter == 0 ? "At the start" : $"After {Settings.MeasureAfter} full-batch steps";
            if (MeasureDivergedAt is int k)
                where = $"The full-batch run to the measured point diverged at step {k} (lr {TextTable.Csv(d.LearningRate)}), so the gradients there are not finite. {where}";
            var ratios = Measurements.Where(m => !m.IsFullBatch).Select(m => m.Ratio).ToList();
            string law = ratios.Count == 0 ? "" :
                $" Measured over predicted E‖g_B − G‖² = tr(Σ)/B·(N−B)/(N−1) lies between {TextTable.Csv(Math.Round(ratios.Min(), 3))} and {TextTable.Csv(Math.Round(ratios.Max(), 3))}" +
                (double.IsFinite(LogLogSlope) ? $"; log-log slope {TextTable.Csv(Math.Round(LogLogSlope, 3))}." : ".");
            string training = Curves.Count == 0 ? "" :
                $" Trained with lr scaled {Settings.Scaling.ToString().ToLowerInvariant()}: final loss " +
                string.Join(", ", Curves.Select(c => $"{NumberText.Format(c.Trajectory.Losses[^1], 4)} (B={Label(c.BatchSize, c.IsFullBatch)}{(c.Trajectory.DivergedAt is int k ? $", diverged at step {k}" : "")})")) + ".";
            return $"{where} on {d.Problem.Name} (N = {TrainCount}, loss {NumberText.Format(Loss, 6)}): tr(Σ) = {NumberText.Format(TraceCovariance, 6)}, |G|² = {NumberText.Format(GradientNormSquared, 6)}, " +
                   $"so the gradient noise scale B_simple = tr(Σ)/|G|² ≈ {TextTable.Csv(Math.Round(SimpleNoiseScale, 2))}.{law}{training}";
        }
    }

    public IReadOnlyList<string> Notes
    {
        get
        {
            var notes = new List<string> { "mini-batches are drawn without replacement, so the expected noise carries the factor (N−B)/(N−1)" };
            if (MeasureDivergedAt is int k)
                notes.Add($"the {Settings.MeasureAfter} full-batch steps before the measurement diverged at step {k} (lr {TextTable.Csv(Settings.Descent.LearningRate)}): no finite noise to measure");
            else if (!double.IsFinite(Loss))
                notes.Add("the loss at the measured point is not finite: no finite noise to measure");
            notes.AddRange(Curves.Where(c => c.Trajectory.DivergedAt is not null)
                .Select(c => $"B={Label(c.BatchSize, c.IsFullBatch)} at lr {TextTable.Csv(c.LearningRate)} diverged at step {c.Trajectory.DivergedAt}"));
            return notes;
        }
    }

    /// <summary>Noise against B on log-log axes with the 1/B law and B_simple; loss against steps; loss against examples seen.</summary>
    public Figure ToFigure()
    {
        var figure = Figure.Subplots(1, 3, "gradient noise E‖g_B − G‖²", "loss vs steps", "loss vs examples seen");
        var mini = Measurements.Where(m => !m.IsFullBatch).ToList();
        double low = Measurements.Min(m => m.BatchSize), high = TrainCount;
        var lawX = Enumerable.Range(0, 41).Select(i => low * Math.Pow(high / low, i / 40.0)).ToArray();
        figure = figure
            .Add(new ScatterTrace
            {
                X = lawX, Y = lawX.Select(b => TraceCovariance / b).ToArray(), Name = "tr(Σ)/B", Mode = ScatterMode.Lines,
                Line = new Line { Dash = Dash.Dash, Color = "gray" },
            }, 1, 1)
            .Add(new ScatterTrace
            {
                X = lawX, Y = lawX.Select(b => TrainCount > 1 && b < TrainCount ? TraceCovariance / b * (TrainCount - b) / (TrainCount - 1) : double.NaN).ToArray(),
                Name = "tr(Σ)/B·(N−B)/(N−1)", Mode = ScatterMode.Lines, Line = new Line { Color = "gray" },
            }, 1, 1)
            .Add(new ScatterTrace
            {
                X = mini.Select(m => (double)m.BatchSize).ToArray(), Y = mini.Select(m => m.Variance).ToArray(),
                Name = "measured", Mode = ScatterMode.Markers, Marker = new Marker { Size = 9 },
                Text = mini.Select(m => $"± {TextTable.Csv(m.StandardError)}").ToArray(),
            }, 1, 1)
            .WithLogX(figure.XAxisOf(1, 1)).WithLogY(figure.YAxisOf(1, 1))
            .WithXTitle("batch size B", figure.XAxisOf(1, 1))
            .WithXTitle("step", figure.XAxisOf(1, 2)).WithXTitle("examples seen", figure.XAxisOf(1, 3))
            .WithYTitle("loss", figure.YAxisOf(1, 2));
        if (double.IsFinite(SimpleNoiseScale) && SimpleNoiseScale > 0)
            figure = figure.WithVerticalLine(SimpleNoiseScale, $"B_simple ≈ {NumberText.Format(SimpleNoiseScale, 3)}", figure.XAxisOf(1, 1));
        foreach (var curve in Curves)
        {
            string name = $"B={Label(curve.BatchSize, curve.IsFullBatch)}, lr {NumberText.Format(curve.LearningRate, 3)}";
            var steps = curve.Trajectory.Points.Select(p => (double)p.Step).ToArray();
            var losses = curve.Trajectory.Losses;
            figure = figure
                .Add(new ScatterTrace { X = steps, Y = losses, Name = name, Mode = ScatterMode.Lines, LegendGroup = name }, 1, 2)
                .Add(new ScatterTrace { X = curve.ExamplesSeen, Y = losses, Name = name, Mode = ScatterMode.Lines, LegendGroup = name, ShowLegend = false }, 1, 3);
        }
        if (Curves.Count > 0 && Curves.All(c => c.Trajectory.Losses.All(l => !(l <= 0))))
            figure = figure.WithLogY(figure.YAxisOf(1, 2)).WithLogY(figure.YAxisOf(1, 3));
        return figure.WithTitle($"Batch noise — {Settings.Descent.Problem.Name}");
    }

    public string ToTable() => Table().ToAligned();

    public string ToCsv() => Table().ToCsv();

    public string ToJson() => JsonOutput.Write(json =>
    {
        json.WriteString("problem", Settings.Descent.Problem.Name);
        json.WriteNumber("train_count", TrainCount);
        json.WriteNumber("measure_after", Settings.MeasureAfter);
        json.Number("measure_diverged_at", MeasureDivergedAt);
        json.Number("loss", Loss);
        json.Number("trace_sigma", TraceCovariance);
        json.Number("grad_norm_squared", GradientNormSquared);
        json.Number("b_simple", SimpleNoiseScale);
        json.Number("loglog_slope", LogLogSlope);
        json.WriteString("scale_lr", Settings.Scaling.ToString().ToLowerInvariant());
        json.WriteStartArray("batches");
        foreach (var m in Measurements)
        {
            json.WriteStartObject();
            json.WriteNumber("batch", m.BatchSize);
            json.WriteBoolean("full", m.IsFullBatch);
            json.WriteNumber("samples", m.Samples);
            json.Number("noise_variance", m.Variance);
            json.Number("noise_se", m.StandardError);
            json.Number("predicted_variance", m.Predicted);
            json.Number("ratio", m.Ratio);
            if (Curves.FirstOrDefault(c => c.BatchSize == m.BatchSize) is { } curve)
            {
                json.Number("lr", curve.LearningRate);
                json.Numbers("loss", curve.Trajectory.Losses);
                json.Numbers("examples_seen", curve.ExamplesSeen);
                json.Number("diverged_at", curve.Trajectory.DivergedAt);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    public override string ToString() => Summary;

    private static string Label(int size, bool full) => full ? $"full ({size})" : size.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>batch,full,lr,samples,noise_variance,noise_se,predicted_variance,ratio,final_loss,steps,examples_seen</c>.</summary>
    private TextTable Table()
    {
        var table = new TextTable(["batch", "full", "lr", "samples", "noise_variance", "noise_se", "predicted_variance", "ratio", "final_loss", "steps", "examples_seen"]);
        foreach (var m in Measurements)
        {
            var curve = Curves.FirstOrDefault(c => c.BatchSize == m.BatchSize);
            table.Add(m.BatchSize, m.IsFullBatch, curve?.LearningRate, m.Samples, m.Variance, m.StandardError, m.Predicted,
                m.IsFullBatch ? null : m.Ratio, curve?.Trajectory.Losses[^1], curve?.Trajectory.Points[^1].Step, curve?.ExamplesSeen[^1]);
        }
        return table;
    }
}
