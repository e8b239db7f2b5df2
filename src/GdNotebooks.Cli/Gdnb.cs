using GdNotebooks.Charts;
using GdNotebooks.Interactive.Commands;

namespace GdNotebooks.Cli;

/// <summary>
/// The gdnb command. Results go to stdout, diagnostics to stderr; exit 0 on success (a diverged run is a result),
/// 1 when the work itself failed, 2 for usage errors, among them an experiment whose work estimate passes the
/// <see cref="WorkLimits"/> without <c>--yes</c>.
/// </summary>
public static class Gdnb
{
    public const int Ok = 0, Failed = 1, Usage = 2, Interrupted = 130;

    public static int Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        // At a terminal, an experiment beyond the limits asks instead of refusing; scripts and CI get the refusal.
        bool terminal = !Console.IsInputRedirected && !Console.IsErrorRedirected;
        return Run(args, Console.Out, Console.Error, cancel.Token, confirm: terminal ? question => AskAtTerminal(question, cancel.Token) : null);
    }

    /// <summary>Runs gdnb with <paramref name="args"/>.</summary>
    /// <param name="args">The words after <c>gdnb</c>.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where progress, warnings and usage errors go.</param>
    /// <param name="cancel">Ctrl-C: interrupts the running verb.</param>
    /// <param name="limits">The work limits (null: <see cref="WorkLimits.Default"/>); tests lower them to exercise a refusal quickly.</param>
    /// <param name="confirm">Asks a person whether to run an experiment beyond the limits (the question is the estimate);
    /// null refuses such experiments unless they were given <c>--yes</c>.</param>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancel = default,
        WorkLimits? limits = null, Func<string, bool>? confirm = null)
    {
        if (args.Count == 0)
        {
            // No verb is a usage error: the help goes to stderr, like every usage error's message, and stdout stays empty.
            stderr.Write("gdnb: give a verb\n\n" + Help());
            return Usage;
        }
        if (args[0] is "-h" or "--help" or "help")
        {
            stdout.Write(Help());
            return Ok;
        }
        string verb = args[0];
        var rest = args.Skip(1).ToList();
        try
        {
            if (verb == "convert") return ConvertVerb.Run(rest, stdout, stderr);
            if (verb == "run") return RunVerb.Run(rest, stdout, stderr, cancel);
            // Hidden: the process gdnb run executes a notebook's cells in. It ignores Ctrl-C; gdnb run decides.
            if (verb == Worker.WorkerVerb.Name) return Worker.WorkerVerb.Run(rest);
            if (verb == "kernel")
                return Kernel.KernelCommand.Run(rest, typeof(Gdnb).Assembly.Location, Environment.ProcessPath, stdout, stderr);
            var experiment = ExperimentCommands.Find(verb);
            if (experiment is null)
            {
                stderr.WriteLine($"gdnb: unknown verb '{verb}'; valid verbs: {string.Join(", ", VerbNames)}. Try 'gdnb --help'.");
                return Usage;
            }
            return RunExperiment(experiment, rest, stdout, stderr, cancel, limits ?? WorkLimits.Default, confirm);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"gdnb {verb}: {e.Message}");
            return Usage;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine($"gdnb {verb}: interrupted");
            return Interrupted;
        }
        catch (Exception e)
        {
            // Bad input is a UsageException and never lands here; anything else is a bug. Say so in one line, exit 1,
            // rather than crash with a stack trace.
            stderr.WriteLine($"gdnb {verb}: failed: {e.GetType().Name}: {e.Message} (this is a bug in gdnb; please report it with the command line)");
            return Failed;
        }
    }

    private static IEnumerable<string> VerbNames => ExperimentCommands.All.Select(c => c.Name).Append("run").Append("convert").Append("kernel");

    private static int RunExperiment(ExperimentVerb verb, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancel,
        WorkLimits limits, Func<string, bool>? confirm)
    {
        var options = verb.Spec.Parse(args);
        if (options.HelpRequested)
        {
            stdout.Write("usage: gdnb " + verb.Spec.Help());
            return Ok;
        }
        var (format, chart, plan) = verb.Prepare(options);
        limits.Enforce(verb, plan.Estimate, options, WorkLimits.CliFlag, confirm is null ? null : question => confirm($"gdnb {verb.Name}: {question}"));
        var result = RunWithProgress(plan, stderr, cancel);
        // The chart first: if it cannot be written, that is a usage error with nothing on stdout.
        var source = chart is null ? null : ChartOption.Write(result.ToFigure(), chart);
        stdout.Write(format switch
        {
            "csv" => result.ToCsv(),
            "json" => result.ToJson(),
            _ => result.ToTable(),
        });
        foreach (var note in result.Notes) stderr.WriteLine(note);
        if (source is not null) stderr.WriteLine($"chart written to {chart} ({source.Describe()})");
        return Ok;
    }

    private static Experiments.IExperimentResult RunWithProgress(ExperimentPlan plan, TextWriter stderr, CancellationToken cancel)
    {
        using var bar = ProgressBar.ForConsole(stderr);
        return plan.Run(bar, cancel);
    }

    /// <summary>Asks on the terminal; only y or yes runs. Ctrl-C while asking interrupts (exit 130).</summary>
    private static bool AskAtTerminal(string question, CancellationToken cancel)
    {
        Console.Error.Write($"{question}.\nRun it anyway? [y/N] ");
        // ReadLine cannot be cancelled, so wait for it beside the Ctrl-C token (Main keeps the process alive on Ctrl-C).
        var answer = Task.Run(Console.In.ReadLine);
        answer.Wait(cancel);
        return answer.Result?.Trim().ToLowerInvariant() is "y" or "yes";
    }

    private static string Help() =>
        "gdnb: gradient descent experiments from the shell\n\nusage: gdnb VERB [options]   (gdnb VERB --help for its options)\n\nverbs:\n" +
        string.Join("\n", ExperimentCommands.All.Select(c => $"  {c.Name,-12} {c.Spec.Summary}")) + "\n" +
        $"  {"run",-12} execute notebooks headlessly and save them with outputs: gdnb run NOTEBOOK|DIR … (gdnb run --help)\n" +
        $"  {"convert",-12} convert a notebook between .dib and .ipynb: gdnb convert IN OUT\n" +
        $"  {"kernel",-12} install, uninstall or start the Jupyter kernel (gdnb kernel --help)\n\n" +
        $"An experiment whose estimated work passes {WorkLimits.Describe(WorkLimits.DefaultMaxOperations, WorkLimits.DefaultMaxBytes)} " +
        $"is refused with its estimate (exit 2), or at a terminal asked about first; add {WorkLimits.CliFlag} to run it anyway.\n";
}
