using GdNotebooks.Optimizers;
using GdNotebooks.Problems;
using GdNotebooks.Schedules;
using GdNotebooks.Training;

namespace GdNotebooks.Interactive.Commands;

/// <summary>
/// The options every experiment verb shares with <c>descend</c> (problem, start, optimizer, learning rate, schedule,
/// budget, batching, seed, clipping, output format), and how they become <see cref="DescentSettings"/>.
/// </summary>
public static class DescentOptions
{
    public static IReadOnlyList<OptionSpec> All { get; } =
    [
        new("--problem", OptionType.Text, "problem: a name or spec (rosenbrock, quadratic:a=[1,100], mlp:data=digits) or a formula such as \"(w-3)^2\"", "P"),
        new("--init", OptionType.Text, "starting point, comma-separated; one value fills every parameter (default: the problem's usual start)", "W"),
        new("--optimizer", OptionType.Text, $"optimizer spec: {string.Join(", ", Optimizer.Names)}, e.g. sgd:momentum=0.9", "O", "sgd"),
        new("--lr", OptionType.Number, "learning rate", "X", "0.1"),
        new("--schedule", OptionType.Text, $"learning-rate schedule spec: {string.Join(", ", Schedule.Names)}, e.g. cosine:t_max=100", "S", "constant"),
        new("--warmup", OptionType.Integer, "linear warmup over the first N updates, in front of the schedule", "N", "0"),
        new("--steps", OptionType.Integer, "number of updates", "N", "100"),
        new("--epochs", OptionType.Integer, "passes over the training data instead of --steps (data problems)", "E"),
        new("--batch", OptionType.Text, "mini-batch size, or 'full' (data problems)", "B", "full"),
        new("--seed", OptionType.Integer, "seed for initialisation and mini-batches", "K", "0"),
        new("--clip-norm", OptionType.Number, "clip the gradient to this global L2 norm", "X"),
        new("--clip-value", OptionType.Number, "clip every gradient component to [-X, X]", "X"),
        new("--centralize", OptionType.Flag, "gradient centralization on weight matrices (Yong et al. 2020)"),
        new("--format", OptionType.Text, "output: table, csv or json", "F", "table"),
        new("--chart", OptionType.Text, "also write the chart as a self-contained HTML page", "F.html"),
    ];

    public static readonly string[] Formats = ["table", "csv", "json"];

    /// <summary>The output format asked for with <c>--format</c>, lower-cased; one of <see cref="Formats"/> or a usage error.</summary>
    public static string Format(ParsedCommand command)
    {
        string format = command.Text("--format")!.ToLowerInvariant();
        return Formats.Contains(format) ? format : throw UsageException.UnknownChoice("format", format, Formats);
    }

    /// <summary>The bound on --steps: beyond it a run would take minutes and hold every row in memory.</summary>
    public const int MaxSteps = 10_000_000;

    public static DescentSettings Build(ParsedCommand command)
    {
        var problemText = command.Text("--problem")
            ?? throw new UsageException($"--problem is required; e.g. --problem \"(w-3)^2\" or --problem rosenbrock. Valid names: {string.Join(", ", Problem.Names)}, or a formula");
        var problem = Wrap("--problem", () => Problem.Parse(problemText));

        // A verb that redeclares --optimizer or --schedule as repeatable (compare, schedule) parses the values itself,
        // one configuration each; the template keeps the default.
        var optimizer = WithGradientOptions(PerConfiguration(command, "--optimizer")
            ? Optimizer.Sgd : Wrap("--optimizer", () => Optimizer.Parse(command.Text("--optimizer")!)), command);
        optimizer.Check(problem); // newton on too many parameters: refused before any estimate or work
        var schedule = WithWarmupOption(PerConfiguration(command, "--schedule")
            ? Schedule.Constant : Wrap("--schedule", () => Schedule.Parse(command.Text("--schedule")!)), command);

        double lr = command.Number("--lr")!.Value;
        if (lr < 0) throw new UsageException($"--lr {lr} must be ≥ 0");

        var batch = command.Text("--batch")!;
        int? batchSize = null;
        if (!batch.Equals("full", StringComparison.OrdinalIgnoreCase))
        {
            int size = ValueParsing.Integer(batch, $"--batch");
            if (size < 1) throw new UsageException($"--batch {size} must be ≥ 1, or 'full'");
            batchSize = size;
        }
        var data = problem as IDataProblem;
        if (data is null && (command.Has("--batch") || command.Has("--epochs")))
            throw new UsageException($"{(command.Has("--batch") ? "--batch" : "--epochs")} applies to data problems (linreg, logreg, softmax, mlp), not to {problem.Name}");
        if (data is not null && batchSize > data.TrainCount)
            throw new UsageException($"--batch {batchSize} is larger than the {data.TrainCount} training examples of {data.DataSet}; use --batch full or a smaller size");
        if (batchSize == data?.TrainCount) batchSize = null;

        if (command.Has("--steps") && command.Has("--epochs"))
            throw new UsageException($"give --steps or --epochs, not both");
        int steps = command.Integer("--steps")!.Value;
        if (steps < 0 || steps > MaxSteps) throw new UsageException($"--steps {steps} is out of range; valid: 0 to {MaxSteps:N0}");
        int? epochs = command.Integer("--epochs");
        if (epochs is < 1) throw new UsageException($"--epochs {epochs} must be ≥ 1");

        var settings = new DescentSettings
        {
            Problem = problem,
            Init = command.Text("--init") is { } init ? Start(init, problem) : null,
            Optimizer = optimizer,
            LearningRate = lr,
            Schedule = schedule,
            Steps = steps,
            Epochs = epochs,
            BatchSize = batchSize,
            Seed = command.Integer("--seed")!.Value,
        };
        // --epochs is held to the bound of --steps: every update is a row kept in memory.
        if (settings.TotalSteps > MaxSteps)
            throw new UsageException($"--epochs {epochs} makes more than {MaxSteps:N0} updates; valid: at most {MaxSteps:N0} in all (fewer epochs or a larger --batch)");
        return settings;
    }

    /// <summary><paramref name="optimizer"/> with the gradient options given: --clip-norm, --clip-value, --centralize.</summary>
    public static Optimizer WithGradientOptions(Optimizer optimizer, ParsedCommand command)
    {
        if (command.Number("--clip-norm") is double maxNorm)
        {
            if (maxNorm <= 0) throw new UsageException($"--clip-norm {maxNorm} must be > 0");
            optimizer = optimizer.WithClipNorm(maxNorm);
        }
        if (command.Number("--clip-value") is double maxValue)
        {
            if (maxValue <= 0) throw new UsageException($"--clip-value {maxValue} must be > 0");
            optimizer = optimizer.WithClipValue(maxValue);
        }
        return command.Flag("--centralize") ? optimizer.WithCentralization() : optimizer;
    }

    /// <summary><paramref name="schedule"/> behind the --warmup given, if any.</summary>
    public static Schedule WithWarmupOption(Schedule schedule, ParsedCommand command)
    {
        int warmup = command.Integer("--warmup")!.Value;
        if (warmup < 0) throw new UsageException($"--warmup {warmup} must be ≥ 0");
        return warmup > 0 ? schedule.WithWarmup(warmup) : schedule;
    }

    private static bool PerConfiguration(ParsedCommand command, string option) => command.Command.Find(option)!.Repeatable;

    private static double[] Start(string text, IProblem problem)
    {
        var values = ValueParsing.Numbers(text, $"--init");
        if (values.Length == 1) return Enumerable.Repeat(values[0], problem.Dimension).ToArray();
        if (values.Length != problem.Dimension)
            throw new UsageException($"--init has {values.Length} values but {problem.Name} has {problem.Dimension} parameters ({string.Join(", ", problem.ParameterNames.Take(16))}); give {problem.Dimension} values or one for all");
        return values;
    }

    // Spec errors say what was wrong inside the spec; prefix the option so the user knows where to look.
    private static T Wrap<T>(string option, Func<T> make)
    {
        try
        {
            return make();
        }
        catch (UsageException e)
        {
            throw new UsageException($"{option}: {e.Message}");
        }
    }
}
