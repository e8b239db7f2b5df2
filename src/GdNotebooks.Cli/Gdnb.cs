using GdNotebooks.Charts;
using GdNotebooks.Interactive.Commands;

namespace GdNotebooks.Cli;

/// <summary>
/// The gdnb command. Results go to stdout, diagnostics to stderr; exit 0 on success (a diverged run is a result),
/// 1 when the work itself failed, 2 for usage errors.
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
        return Run(args, Console.Out, Console.Error, cancel.Token);
    }

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancel = default)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.Write(Help());
            return args.Count == 0 ? Usage : Ok;
        }
        string verb = args[0];
        if (verb == "convert") return ConvertVerb.Run(args.Skip(1).ToList(), stdout, stderr);
        if (verb == "run") return RunVerb.Run(args.Skip(1).ToList(), stdout, stderr, cancel);
        // Hidden: the process gdnb run executes a notebook's cells in. It ignores Ctrl-C; gdnb run decides.
        if (verb == Worker.WorkerVerb.Name) return Worker.WorkerVerb.Run(args.Skip(1).ToList());
        if (verb == "kernel")
            return Kernel.KernelCommand.Run(args.Skip(1).ToList(), typeof(Gdnb).Assembly.Location, Environment.ProcessPath, stdout, stderr);
        var experiment = ExperimentCommands.Find(verb);
        if (experiment is null)
        {
            stderr.WriteLine($"gdnb: unknown verb '{verb}'; valid verbs: {string.Join(", ", VerbNames)}. Try 'gdnb --help'.");
            return Usage;
        }
        try
        {
            return RunExperiment(experiment, args.Skip(1).ToList(), stdout, stderr, cancel);
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
    }

    private static IEnumerable<string> VerbNames => ExperimentCommands.All.Select(c => c.Name).Append("run").Append("convert").Append("kernel");

    private static int RunExperiment(ExperimentVerb verb, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var options = verb.Spec.Parse(args);
        if (options.HelpRequested)
        {
            stdout.Write("usage: gdnb " + verb.Spec.Help());
            return Ok;
        }
        string format = options.Text("--format")!.ToLowerInvariant();
        if (!DescentOptions.Formats.Contains(format)) throw UsageException.UnknownChoice("format", format, DescentOptions.Formats);
        string? chart = options.Text("--chart");
        if (chart is not null && !chart.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--chart {chart}: the chart is an HTML page; give a file name ending in .html");

        var result = RunWithProgress(verb, options, stderr, cancel);
        stdout.Write(format switch
        {
            "csv" => result.ToCsv(),
            "json" => result.ToJson(),
            _ => result.ToTable(),
        });
        foreach (var note in result.Notes) stderr.WriteLine(note);
        if (chart is not null)
        {
            var source = result.ToFigure().WriteHtml(chart);
            stderr.WriteLine($"chart written to {chart} ({source.Describe()})");
        }
        return Ok;
    }

    private static Experiments.IExperimentResult RunWithProgress(ExperimentVerb verb, ParsedCommand options, TextWriter stderr, CancellationToken cancel)
    {
        using var bar = ProgressBar.ForConsole(stderr);
        return verb.Run(options, bar, cancel);
    }

    private static string Help() =>
        "gdnb: gradient descent experiments from the shell\n\nusage: gdnb VERB [options]   (gdnb VERB --help for its options)\n\nverbs:\n" +
        string.Join("\n", ExperimentCommands.All.Select(c => $"  {c.Name,-12} {c.Spec.Summary}")) + "\n" +
        $"  {"run",-12} execute notebooks headlessly and save them with outputs: gdnb run NOTEBOOK|DIR … (gdnb run --help)\n" +
        $"  {"convert",-12} convert a notebook between .dib and .ipynb: gdnb convert IN OUT\n" +
        $"  {"kernel",-12} install, uninstall or start the Jupyter kernel (gdnb kernel --help)\n";
}
