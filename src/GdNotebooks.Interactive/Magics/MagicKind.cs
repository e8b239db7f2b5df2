namespace GdNotebooks.Interactive.Magics;

/// <summary>What a magic command does; the kernel runs each kind its own way.</summary>
public enum MagicKind
{
    /// <summary>Runs an experiment verb of <see cref="Commands.ExperimentCommands.All"/> and shows its chart and table.</summary>
    Experiment,
    /// <summary><c>#!lsmagic</c>: lists every magic command with its one-line help.</summary>
    ListMagics,
    /// <summary><c>#!time</c>: times the rest of the cell and prints its wall time.</summary>
    Time,
    /// <summary><c>#!csharp</c>: names the cell's language, as .NET Interactive notebooks do; C# is the only one, so it does nothing.</summary>
    Language,
}
