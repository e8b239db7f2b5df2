using GdNotebooks.Interactive.Commands;
using GdNotebooks.Training;

namespace GdNotebooks.Cli;

/// <summary>
/// The gdnb command. Results go to stdout, diagnostics to stderr; exit 0 on success (a diverged run is a result),
/// 1 when the work itself failed, 2 for usage errors.
/// </summary>
public static class Gdnb
{
    public const int Ok = 0, Failed = 1, Usage = 2;

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
        var command = ExperimentCommands.Find(verb);
        if (command is null)
        {
            stderr.WriteLine($"gdnb: unknown verb '{verb}'; valid verbs: {string.Join(", ", ExperimentCommands.All.Select(c => c.Name))}. Try 'gdnb --help'.");
            return Usage;
        }
        try
        {
            var parsed = command.Parse(args.Skip(1).ToList());
            if (parsed.HelpRequested)
            {
                stdout.Write("usage: gdnb " + command.Help());
                return Ok;
            }
            return Descend(parsed, stdout, stderr, cancel);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"gdnb {verb}: {e.Message}");
            return Usage;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine($"gdnb {verb}: interrupted");
            return 130;
        }
    }

    private static int Descend(ParsedCommand parsed, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var settings = DescentOptions.Build(parsed);
        var trajectory = GradientDescent.Run(settings, cancel);
        stdout.Write(parsed.Text("--format")!.ToLowerInvariant() switch
        {
            "csv" => trajectory.ToCsv(),
            "json" => trajectory.ToJson(),
            _ => trajectory.ToTable(),
        });
        if (trajectory.DivergedAt is int k) stderr.WriteLine($"diverged at step {k}");
        return Ok;
    }

    private static string Help() =>
        "gdnb: gradient descent experiments from the shell\n\nusage: gdnb VERB [options]   (gdnb VERB --help for its options)\n\nverbs:\n" +
        string.Join("\n", ExperimentCommands.All.Select(c => $"  {c.Name,-12} {c.Summary}")) + "\n";
}
