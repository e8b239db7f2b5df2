using GdNotebooks.Training;

namespace GdNotebooks.Interactive.Commands;

/// <summary>
/// The experiment verbs: each is a <c>gdnb</c> verb and a magic command of the same name, declared once here.
/// </summary>
public static class ExperimentCommands
{
    public static ExperimentVerb Descend { get; } = ExperimentVerb.Create(
        "descend",
        "walk gradient descent step by step: one row per step with the loss, learning rate, gradient norm and parameters",
        [],
        [
            "descend --problem \"(w-3)^2\" --init 0 --lr 0.1 --steps 5 --format csv",
            "descend --problem rosenbrock --optimizer adam --lr 0.01 --steps 2000 --schedule cosine",
            "descend --problem mlp:data=digits,hidden=[64] --optimizer sgd:momentum=0.9 --lr 0.05 --epochs 5 --batch 32",
        ],
        ["--steps", "--epochs"],
        options =>
        {
            var settings = DescentOptions.Build(options);
            return new ExperimentPlan(GradientDescent.Estimate(settings), (_, cancel) => GradientDescent.Run(settings, cancel));
        });

    public static ExperimentVerb LrSweep => LearningRateCommands.Sweep;

    public static ExperimentVerb LrFind => LearningRateCommands.Find;

    public static ExperimentVerb Schedule => ComparisonCommands.Schedule;

    public static ExperimentVerb Compare => ComparisonCommands.Compare;

    public static IReadOnlyList<ExperimentVerb> All { get; } =
        [Descend, LrSweep, LrFind, BatchNoiseCommand.Verb, Schedule, SharpnessCommand.Verb, LandscapeCommand.Verb, Compare];

    public static ExperimentVerb? Find(string name) => All.FirstOrDefault(c => c.Name == name);
}
