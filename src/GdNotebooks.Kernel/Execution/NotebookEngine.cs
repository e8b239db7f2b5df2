namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// Makes the execution engine that notebooks run on, with GdNotebooks' formatters and magic commands plugged in.
/// One engine, two front ends: the Jupyter kernel and the headless runner (<c>gdnb run</c>) both start here,
/// so a notebook produces the same outputs through either.
/// </summary>
public static class NotebookEngine
{
    /// <param name="baseDirectory">The folder relative <c>#r</c> paths resolve against (the notebook's folder).</param>
    public static ExecutionEngine Create(string? baseDirectory = null)
    {
        var engine = new ExecutionEngine(baseDirectory)
        {
            // .NET Interactive's formatter library with GdNotebooks' registrations: charts, results, tables.
            Formatter = new InteractiveMimeFormatter(),
            // One magic per experiment verb of ExperimentCommands.All, plus #!lsmagic, #!time and #!csharp.
            MagicHandler = new MagicCommandHandler(),
        };
        return engine;
    }
}
