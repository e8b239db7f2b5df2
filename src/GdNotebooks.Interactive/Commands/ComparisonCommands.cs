using GdNotebooks.Experiments;
using GdNotebooks.Optimizers;
using GdNotebooks.Schedules;
using GdNotebooks.Specs;

namespace GdNotebooks.Interactive.Commands;

/// <summary>
/// The verbs that run one configuration per value of a repeated option: <c>schedule --schedule S1 --schedule S2</c>
/// and <c>compare --optimizer O1 --optimizer O2</c>. Each redeclares the shared option as repeatable.
/// </summary>
internal static class ComparisonCommands
{
    public static ExperimentVerb Schedule { get; } = ExperimentVerb.Create(
        "schedule",
        "one run per learning-rate schedule (--schedule repeated): final and best loss, and the lr and loss curves side by side",
        [
            new("--schedule", OptionType.Text,
                $"a schedule to compare: {string.Join(", ", Schedules.Schedule.Names)}, e.g. cosine:t_max=100; give it once per schedule; --warmup applies to each",
                "S", Repeatable: true),
            LearningRateCommands.ToleranceOption,
        ],
        [
            "schedule --problem rosenbrock --optimizer adam --lr 0.01 --steps 2000 --schedule constant --schedule cosine --schedule step:step_size=500,gamma=0.5",
            "schedule --problem quadratic:a=[1,100] --lr 0.015 --steps 100 --schedule warm_restarts:t_0=25 --schedule exponential:gamma=0.97 --chart schedules.html",
        ],
        ["--schedule", "--steps", "--epochs"],
        options =>
        {
            // The shared options first, so a bad --warmup is reported as such, not as a fault of the first schedule.
            var template = DescentOptions.Build(options);
            var schedules = RepeatedSpecs.Parse(options, "--schedule",
                spec => DescentOptions.WithWarmupOption(Schedules.Schedule.Parse(spec), options), "--schedule constant --schedule cosine");
            return new ExperimentPlan(ScheduleComparison.Estimate(template, schedules.Count),
                (progress, cancel) => ScheduleComparison.Run(template, schedules, options.Number("--tol")!.Value, progress, cancel));
        });

    public static ExperimentVerb Compare { get; } = ExperimentVerb.Create(
        "compare",
        "an optimizer race (--optimizer repeated) at the same learning rate and budget: final loss, steps to tolerance, divergence; " +
        "on 2-parameter problems the trajectories over the loss contour",
        [
            new("--optimizer", OptionType.Text,
                $"an optimizer to compare: {string.Join(", ", Optimizer.Names)}, e.g. sgd:momentum=0.9; give it once per optimizer; " +
                "an lr=X key gives that optimizer its own learning rate (adam:lr=0.02); clipping and --centralize apply to each",
                "O", Repeatable: true),
            LearningRateCommands.ToleranceOption,
        ],
        [
            "compare --problem rosenbrock --lr 0.001 --steps 2000 --optimizer sgd --optimizer sgd:momentum=0.9 --optimizer adam:lr=0.02 --chart race.html",
            "compare --problem mlp:data=digits,hidden=[32] --epochs 3 --batch 32 --lr 0.01 --optimizer sgd:momentum=0.9 --optimizer adam",
        ],
        ["--optimizer", "--steps", "--epochs"],
        options =>
        {
            // The shared options first, so a bad --clip-norm is reported as such, not as a fault of the first optimizer.
            var template = DescentOptions.Build(options);
            var entries = RepeatedSpecs.Parse(options, "--optimizer", spec => WithOwnRate(spec, options), "--optimizer sgd --optimizer adam:lr=0.02");
            var optimizers = entries.Select(e => e.Optimizer).ToList();
            foreach (var optimizer in optimizers) optimizer.Check(template.Problem);
            return new ExperimentPlan(OptimizerComparison.Estimate(template, optimizers),
                (progress, cancel) => OptimizerComparison.Run(template, optimizers, options.Number("--tol")!.Value,
                    progress, cancel, learningRates: entries.Select(e => e.LearningRate).ToList()));
        });

    /// <summary>An optimizer spec whose optional <c>lr=X</c> key (not an optimizer hyperparameter) sets its own rate.</summary>
    private static (Optimizer Optimizer, double? LearningRate) WithOwnRate(string text, ParsedCommand options)
    {
        var spec = Spec.Parse(text);
        double? rate = null;
        if (spec["lr"] is { } value)
        {
            if (value is not SpecValue.Number { Value: var lr })
                throw new UsageException($"lr={value} must be a number ≥ 0, e.g. {spec.Name}:lr=0.01");
            if (!double.IsFinite(lr) || lr < 0)
                throw new UsageException($"lr={value} is out of range; valid: a number ≥ 0");
            rate = lr;
            spec = spec with { Arguments = spec.Arguments.Where(a => a.Key != "lr").ToList() };
        }
        return (DescentOptions.WithGradientOptions(Optimizer.FromSpec(spec), options), rate);
    }
}
