using GdNotebooks.Charts;

namespace GdNotebooks.Experiments;

/// <summary>
/// The training loss on the grid θ* + αδ + βη (δ, η filter-normalised random directions): <c>Loss[j, i]</c> is the value
/// at α = <c>Axis[i]</c>, β = <c>Axis[j]</c>.
/// </summary>
public sealed class LandscapeSurface : IExperimentResult
{
    internal LandscapeSurface(LandscapeSettings settings, double[] axis, double[,] loss, double[] center, double[] first, double[] second,
        TrainingDivergence? divergence = null)
    {
        Divergence = divergence;
        Settings = settings;
        Axis = axis;
        Loss = loss;
        Center = center;
        FirstDirection = first;
        SecondDirection = second;
    }

    public LandscapeSettings Settings { get; }

    /// <summary>The α (and β) values of the grid, from −Span to Span.</summary>
    public IReadOnlyList<double> Axis { get; }

    /// <summary>[β index, α index].</summary>
    public double[,] Loss { get; }

    public double[] Center { get; }
    public double[] FirstDirection { get; }
    public double[] SecondDirection { get; }

    /// <summary>Set when the training run to the centre diverged: the centre is then where its loss stopped being finite.</summary>
    public TrainingDivergence? Divergence { get; }

    /// <summary>The step at which training to the centre diverged, or null.</summary>
    public int? DivergedAt => Divergence?.Step;

    /// <summary>The loss at the centre of the grid (α = β = 0 when the resolution is odd).</summary>
    public double CenterLoss => Loss[Axis.Count / 2, Axis.Count / 2];

    public double MinLoss => Finite().DefaultIfEmpty(double.NaN).Min();

    public double MaxLoss => Finite().DefaultIfEmpty(double.NaN).Max();

    public string Summary =>
        (Divergence is { } d ? $"Training diverged at step {d.Step} (lr {TextTable.Csv(d.LearningRate)}), so the surface is centred where the loss stopped being finite. " : "") +
        $"Loss surface of {Settings.Descent.Problem.Name} around the {(Settings.Descent.TotalSteps == 0 ? "start" : "trained point")} on a " +
        $"{Axis.Count}×{Axis.Count} grid, α, β ∈ [{TextTable.Csv(Axis[0])}, {TextTable.Csv(Axis[^1])}] along two filter-normalised random directions " +
        $"(biases not moved): centre {TextTable.Csv(CenterLoss)}, lowest {TextTable.Csv(MinLoss)}, highest {TextTable.Csv(MaxLoss)}.";

    public IReadOnlyList<string> Notes
    {
        get
        {
            int bad = Axis.Count * Axis.Count - Finite().Count();
            var notes = new List<string>();
            if (Divergence is { } d) notes.Add(d.ToString());
            if (bad > 0) notes.Add($"{bad} grid points have a non-finite loss (shown as gaps)");
            return notes;
        }
    }

    /// <summary>Contour (with the centre marked) and surface, switched by two buttons.</summary>
    public Figure ToFigure()
    {
        var axis = Axis.ToArray();
        DataGrid z = Loss;
        var contour = new ContourTrace { X = axis, Y = axis, Z = z, Name = "loss", Colorscale = "Viridis", ColorBarTitle = "loss" };
        var center = new ScatterTrace { X = new[] { 0.0 }, Y = new[] { 0.0 }, Name = "θ*", Mode = ScatterMode.Markers, Marker = new Marker { Symbol = "x", Size = 10, Color = "white" } };
        var surface = new SurfaceTrace { X = axis, Y = axis, Z = z, Name = "loss surface", Colorscale = "Viridis", ColorBarTitle = "loss" };
        var figure = new Figure()
            .WithTraceButtons([new TraceGroup("contour", contour, center), new TraceGroup("surface", surface)])
            .WithXTitle("α (direction 1)").WithYTitle("β (direction 2)")
            .WithAxis("y", a => a with { ScaleAnchor = "x" })
            .WithLayout(l => l with { Scene = new Scene { XAxis = new Axis { Title = "α" }, YAxis = new Axis { Title = "β" }, ZAxis = new Axis { Title = "loss" } } })
            .WithTitle($"Loss landscape (filter-normalised) — {Settings.Descent.Problem.Name}");
        // An all-gap grid draws as empty axes; the annotation says why.
        return Divergence is { } d
            ? figure.WithAnnotation(Annotation.OnPaper(d.ToString(), 0.5, 1) with { YAnchor = "bottom", Font = new Font { Color = "crimson" } })
            : figure;
    }

    public string ToTable() => Table().ToAligned();

    public string ToCsv() => Table().ToCsv();

    public string ToJson() => JsonOutput.Write(json =>
    {
        json.WriteString("problem", Settings.Descent.Problem.Name);
        json.WriteString("mode", "2d");
        json.Numbers("alpha", Axis);
        json.Numbers("beta", Axis);
        json.WriteStartArray("loss");   // one array per β, values along α
        for (int j = 0; j < Axis.Count; j++)
        {
            json.WriteStartArray();
            for (int i = 0; i < Axis.Count; i++) json.NumberValue(Loss[j, i]);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.Number("center_loss", CenterLoss);
        json.Number("diverged_at", DivergedAt);
    });

    public override string ToString() => Summary;

    private IEnumerable<double> Finite() => Loss.Cast<double>().Where(double.IsFinite);

    /// <summary><c>alpha,beta,loss</c>, one row per grid point, β outer.</summary>
    private TextTable Table()
    {
        var table = new TextTable(["alpha", "beta", "loss"]);
        for (int j = 0; j < Axis.Count; j++)
            for (int i = 0; i < Axis.Count; i++) table.Add(Axis[i], Axis[j], Loss[j, i]);
        return table;
    }
}
