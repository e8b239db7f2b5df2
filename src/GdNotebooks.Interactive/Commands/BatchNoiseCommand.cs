using GdNotebooks.Experiments;

namespace GdNotebooks.Interactive.Commands;

/// <summary><c>batch-noise</c>: mini-batch gradient noise against the 1/B law, B_simple, and training per batch size.</summary>
public static class BatchNoiseCommand
{
    public static readonly string[] Scalings = ["none", "linear", "sqrt"];

    public static ExperimentVerb Verb { get; } = ExperimentVerb.Create(
        "batch-noise",
        "mini-batch gradient noise E|g_B - G|^2 against the 1/B law, the gradient noise scale B_simple, and training per batch size",
        [
            new("--batches", OptionType.Text, "batch sizes to compare, comma-separated; 'full' is the whole training set", "B1,B2,…", "1,8,32,128,full"),
            new("--scale-lr", OptionType.Text, "learning rate per batch size relative to the smallest: none, linear (η·B/B₀) or sqrt (η·√(B/B₀))", "S", "none"),
            new("--samples", OptionType.Integer, "seeded mini-batches per size for the noise estimate (drawn without replacement)", "N", "200"),
            new("--measure-after", OptionType.Integer, "measure after this many full-batch updates instead of at the start", "N", "0"),
            new("--no-train", OptionType.Flag, "measure the noise only; skip the training runs"),
        ],
        [
            "batch-noise --problem linreg:data=diabetes --batches 1,8,32,128,full --samples 1000 --lr 0.01 --steps 200",
            "batch-noise --problem logreg:data=breast_cancer --batches 8,32,128 --scale-lr linear --warmup 20 --epochs 5 --lr 0.05",
        ],
        ["--samples", "--batches", "--steps", "--epochs"],
        options =>
        {
            var settings = Settings(options);
            return new ExperimentPlan(settings.Estimate, (progress, cancel) => GradientNoise.Run(settings, progress, cancel));
        });

    public static GradientNoiseSettings Settings(ParsedCommand options)
    {
        InapplicableOptions.Refuse(options, "give the batch sizes to compare with --batches", "--batch");
        var descent = DescentOptions.Build(options);
        var batches = BatchSizeList.Parse(options.Text("--batches")!);
        string scaling = options.Text("--scale-lr")!.ToLowerInvariant();
        if (!Scalings.Contains(scaling)) throw new UsageException($"--scale-lr {scaling} is not a scaling; valid: {string.Join(", ", Scalings)}");
        int samples = options.Integer("--samples")!.Value;
        if (samples < 2 || samples > GradientNoise.MaxSamples)
            throw new UsageException($"--samples {samples} is out of range; valid: 2 to {GradientNoise.MaxSamples:N0}");
        int after = options.Integer("--measure-after")!.Value;
        if (after < 0) throw new UsageException($"--measure-after {after} must be ≥ 0");
        return new GradientNoiseSettings
        {
            Descent = descent,
            BatchSizes = batches,
            Scaling = Enum.Parse<LearningRateScaling>(scaling, ignoreCase: true),
            Samples = samples,
            MeasureAfter = after,
            Train = !options.Flag("--no-train"),
        };
    }
}
