using GdNotebooks.Experiments;

namespace GdNotebooks.Interactive.Commands;

/// <summary>
/// <c>sharpness</c>: small- vs large-batch minima (λ_max, trace, generalization gap); with <c>--eos</c>, full-batch
/// gradient descent with the sharpness tracked against 2/η (edge of stability).
/// </summary>
public static class SharpnessCommand
{
    public static ExperimentVerb Verb { get; } = ExperimentVerb.Create(
        "sharpness",
        "small- vs large-batch minima: losses, accuracy, top Hessian eigenvalue, trace and generalization gap; --eos tracks sharpness against 2/lr",
        [
            new("--batches", OptionType.Text, "batch sizes to compare, comma-separated ('full' for the whole training set)", "B1,B2,…", "32,1024"),
            new("--iterations", OptionType.Integer, "power-iteration Hessian-vector products per sharpness measurement (at most)", "N", "20"),
            new("--probes", OptionType.Integer, "Rademacher probes for Hutchinson's trace", "N", "10"),
            new("--eos", OptionType.Flag, "edge of stability: full-batch descent at --lr with the sharpness measured every --every steps"),
            new("--every", OptionType.Integer, "with --eos: measure the sharpness every N steps", "N", "10"),
        ],
        [
            "sharpness --problem mlp:data=digits,hidden=[64] --batches 32,1024 --optimizer adam --lr 0.001 --epochs 10",
            "sharpness --eos --problem mlp:data=house_prices,hidden=[16],act=tanh --lr 0.003 --steps 500 --every 20",
        ],
        ["--steps", "--epochs", "--batches", "--iterations", "--probes"],
        Plan);

    private static ExperimentPlan Plan(ParsedCommand options)
    {
        InapplicableOptions.Refuse(options, "give the batch sizes to compare with --batches (--eos runs full-batch)", "--batch");
        var descent = DescentOptions.Build(options);
        int iterations = options.Integer("--iterations")!.Value;
        if (iterations < 1) throw new UsageException($"--iterations {iterations} must be ≥ 1");
        if (options.Flag("--eos"))
        {
            if (options.Has("--batches")) throw new UsageException("--batches does not apply with --eos: the edge-of-stability run is full-batch");
            int every = options.Integer("--every")!.Value;
            if (every < 1) throw new UsageException($"--every {every} must be ≥ 1");
            var eos = new EdgeOfStabilitySettings { Descent = descent, Every = every, Iterations = iterations };
            return new ExperimentPlan(eos.Estimate, (progress, cancel) => EdgeOfStability.Run(eos, progress, cancel));
        }
        if (options.Has("--every")) throw new UsageException("--every applies only with --eos");
        int probes = options.Integer("--probes")!.Value;
        if (probes < 2 || probes > SharpnessExperiment.MaxProbes)
            throw new UsageException($"--probes {probes} is out of range; valid: 2 to {SharpnessExperiment.MaxProbes:N0}");
        var settings = new SharpnessSettings
        {
            Descent = descent,
            BatchSizes = BatchSizeList.Parse(options.Text("--batches")!),
            Iterations = iterations,
            Probes = probes,
        };
        return new ExperimentPlan(settings.Estimate, (progress, cancel) => SharpnessExperiment.Run(settings, progress, cancel));
    }
}
