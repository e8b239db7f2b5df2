namespace GdNotebooks.Experiments;

/// <summary>
/// A training run inside an experiment whose loss (or gradient) turned NaN or infinite, so what was built on its end
/// point (a landscape around it, a line to it) is not finite either: which run, and where it diverged.
/// </summary>
/// <param name="Run">What the run was training towards, as the result names it: "trained", "B=32 minimum".</param>
/// <param name="Step">The step at which its loss or gradient stopped being finite.</param>
/// <param name="LearningRate">The base learning rate of the run.</param>
public sealed record TrainingDivergence(string Run, int Step, double LearningRate)
{
    /// <summary>"training to the trained point diverged at step 3 (lr 1e300)".</summary>
    public override string ToString() =>
        $"training to the {Run}{(Run == "trained" ? " point" : "")} diverged at step {Step} (lr {TextTable.Csv(LearningRate)})";
}
