using GdNotebooks.Experiments;

namespace GdNotebooks.Interactive.Commands;

/// <summary>The verbs about choosing a learning rate: <c>lr-sweep</c> (one run per rate) and <c>lr-find</c> (the range test).</summary>
internal static class LearningRateCommands
{
    private static readonly OptionSpec Tolerance =
        new("--tol", OptionType.Number, "loss level for steps_to_tol: the first step with loss ≤ X", "X", "1e-6");

    public static ExperimentVerb Sweep { get; } = ExperimentVerb.Create(
        "lr-sweep",
        "one run per learning rate: final and best loss, divergence, steps to a tolerance; on quadratics the limit 2/L. " +
        "A run diverged when its loss turned non-finite, or ended above its start and was still climbing " +
        "(the second half's peak above the first half's)",
        [
            new("--lrs", OptionType.Text, "the rates: a..b:n (n log-spaced from a to b inclusive) or a list a,b,c", "GRID"),
            Tolerance,
        ],
        [
            "lr-sweep --problem \"(w-3)^2\" --init 0 --lrs 0.5,0.9,0.99,1.01,1.5 --steps 50 --format csv",
            "lr-sweep --problem quadratic:a=[1,10,100] --lrs 1e-4..0.1:25 --steps 200 --chart sweep.html",
            "lr-sweep --problem logreg:data=breast_cancer --lrs 1e-3..10:9 --epochs 3 --batch 32",
        ],
        ["--lrs", "--steps", "--epochs"],
        options =>
        {
            InapplicableOptions.Refuse(options, "each run takes its rate from --lrs", "--lr");
            var lrs = LearningRateGrid.Parse(options.Text("--lrs")
                ?? throw new UsageException("lr-sweep needs --lrs: a grid a..b:n such as 1e-4..10:25, or a list such as 0.01,0.1,1.5"));
            double tol = options.Number("--tol")!.Value;
            var template = DescentOptions.Build(options);
            return new ExperimentPlan(LearningRateSweep.Estimate(template, lrs.Length),
                (progress, cancel) => LearningRateSweep.Run(template, lrs, tol, progress, cancel));
        });

    public static ExperimentVerb Find { get; } = ExperimentVerb.Create(
        "lr-find",
        "the learning-rate range test (Smith 2017, fastai's lr_find): one run whose rate grows exponentially from " +
        "--min-lr to --max-lr over --steps updates, the loss smoothed, stopping once it passes 4× its best; " +
        "suggests the rate where the smoothed loss falls fastest. --lr, --schedule and --warmup do not apply",
        [
            new("--min-lr", OptionType.Number, "the first learning rate", "X", "1e-7"),
            new("--max-lr", OptionType.Number, "the last learning rate", "X", "10"),
            new("--smoothing", OptionType.Number, "β of the bias-corrected moving average of the loss, 0 ≤ β < 1", "B", "0.98"),
        ],
        [
            "lr-find --problem logreg:data=breast_cancer --batch 32 --min-lr 1e-5 --max-lr 10 --chart lr-find.html",
            "lr-find --problem mlp:data=digits,hidden=[64] --optimizer adam --batch 32 --steps 200",
        ],
        ["--steps"],
        options =>
        {
            InapplicableOptions.Refuse(options, "the test sets the rate itself, from --min-lr to --max-lr over --steps updates",
                "--lr", "--schedule", "--warmup", "--epochs");
            var template = DescentOptions.Build(options);
            return new ExperimentPlan(LearningRateRangeTest.Estimate(template, template.Steps),
                (progress, cancel) => LearningRateRangeTest.Run(template, options.Number("--min-lr")!.Value, options.Number("--max-lr")!.Value,
                    template.Steps, options.Number("--smoothing")!.Value, progress, cancel));
        });

    internal static OptionSpec ToleranceOption => Tolerance;
}
