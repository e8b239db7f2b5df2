using GdNotebooks.Charts;

namespace GdNotebooks.Experiments;

/// <summary>The loss along θ(α) = (1 − α)θ₀ + αθ₁: training loss and, for data problems with a test split, test loss.</summary>
public sealed class LandscapeLine : IExperimentResult
{
    internal LandscapeLine(LandscapeSettings settings, double[] alphas, double[] trainLoss, double[]? testLoss, string firstName, string secondName, double distance,
        IReadOnlyList<TrainingDivergence>? divergences = null)
    {
        Divergences = divergences ?? [];
        Settings = settings;
        Alphas = alphas;
        TrainLoss = trainLoss;
        TestLoss = testLoss;
        FirstName = firstName;
        SecondName = secondName;
        Distance = distance;
    }

    public LandscapeSettings Settings { get; }
    public IReadOnlyList<double> Alphas { get; }
    public IReadOnlyList<double> TrainLoss { get; }

    /// <summary>Null when the problem has no held-out split.</summary>
    public IReadOnlyList<double>? TestLoss { get; }

    /// <summary>What α = 0 is ("start", "B=32 minimum").</summary>
    public string FirstName { get; }

    /// <summary>What α = 1 is ("trained", "B=1024 minimum").</summary>
    public string SecondName { get; }

    /// <summary>‖θ₁ − θ₀‖.</summary>
    public double Distance { get; }

    /// <summary>The training runs behind the ends that diverged (then that end is where the loss stopped being finite); empty when none did.</summary>
    public IReadOnlyList<TrainingDivergence> Divergences { get; }

    /// <summary>The largest training loss strictly between the two solutions minus the larger of the two end losses: > 0 means a barrier.</summary>
    public double Barrier
    {
        get
        {
            var inside = Alphas.Select((a, i) => (a, i)).Where(p => p.a > 0 && p.a < 1).Select(p => TrainLoss[p.i]).ToList();
            return inside.Count == 0 ? double.NaN : inside.Max() - Math.Max(LossNear(0), LossNear(1));
        }
    }

    public string Summary
    {
        get
        {
            string test = TestLoss is null ? "" : $" (test {TextTable.Csv(TestNear(0))} → {TextTable.Csv(TestNear(1))})";
            string barrier = double.IsFinite(Barrier)
                ? Barrier > 0 ? $" A barrier of {TextTable.Csv(Barrier)} separates them." : " The loss along the segment never rises above its ends: no barrier."
                : "";
            string diverged = Divergences.Count == 0 ? ""
                : $"{Capitalized(string.Join("; ", Divergences))}, so the line ends where the loss stopped being finite. ";
            return diverged + $"Loss on the line from the {FirstName} (α = 0) to the {SecondName} (α = 1) of {Settings.Descent.Problem.Name}, " +
                   $"α from {TextTable.Csv(Alphas[0])} to {TextTable.Csv(Alphas[^1])}, distance {TextTable.Csv(Distance)}: " +
                   $"training loss {TextTable.Csv(LossNear(0))} → {TextTable.Csv(LossNear(1))}{test}.{barrier}";
        }
    }

    public IReadOnlyList<string> Notes =>
    [
        .. Divergences.Select(d => d.ToString()),
        .. TrainLoss.Any(l => !double.IsFinite(l)) ? ["the loss is not finite at some α (shown as gaps)"] : Array.Empty<string>(),
    ];

    public Figure ToFigure()
    {
        var figure = new Figure()
            .Add(new ScatterTrace { X = Alphas.ToArray(), Y = TrainLoss.ToArray(), Name = "train loss", Mode = ScatterMode.Lines });
        if (TestLoss is not null)
            figure = figure.Add(new ScatterTrace { X = Alphas.ToArray(), Y = TestLoss.ToArray(), Name = "test loss", Mode = ScatterMode.Lines, Line = new Line { Dash = Dash.Dash } });
        figure = figure.WithVerticalLine(0, FirstName).WithVerticalLine(1, SecondName)
            .WithXTitle("α").WithYTitle("loss")
            .WithTitle($"Loss along (1 − α)·{FirstName} + α·{SecondName} — {Settings.Descent.Problem.Name}");
        if (Divergences.Count > 0) figure = figure.WithAnnotation(Annotation.OnPaper(string.Join("<br>", Divergences), 0.5, 1) with { YAnchor = "bottom", Font = new Font { Color = "crimson" } });
        return TrainLoss.All(l => l > 0) && (TestLoss?.All(l => l > 0) ?? true) ? figure.WithLogY() : figure;
    }

    public string ToTable() => Table().ToAligned();

    public string ToCsv() => Table().ToCsv();

    public string ToJson() => JsonOutput.Write(json =>
    {
        json.WriteString("problem", Settings.Descent.Problem.Name);
        json.WriteString("mode", "1d");
        json.WriteString("from", FirstName);
        json.WriteString("to", SecondName);
        json.Number("distance", Distance);
        json.Number("barrier", Barrier);
        json.Numbers("alpha", Alphas);
        json.Numbers("train_loss", TrainLoss);
        if (TestLoss is not null) json.Numbers("test_loss", TestLoss);
        json.Divergences(Divergences);
    });

    public override string ToString() => Summary;

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private double LossNear(double alpha) => TrainLoss[Nearest(alpha)];

    private double TestNear(double alpha) => TestLoss![Nearest(alpha)];

    private int Nearest(double alpha) => Enumerable.Range(0, Alphas.Count).MinBy(i => Math.Abs(Alphas[i] - alpha));

    /// <summary><c>alpha,train_loss[,test_loss]</c>.</summary>
    private TextTable Table()
    {
        var table = new TextTable(TestLoss is null ? ["alpha", "train_loss"] : ["alpha", "train_loss", "test_loss"]);
        for (int i = 0; i < Alphas.Count; i++)
            if (TestLoss is null) table.Add(Alphas[i], TrainLoss[i]);
            else table.Add(Alphas[i], TrainLoss[i], TestLoss[i]);
        return table;
    }
}
