namespace GdNotebooks.Kernel;

/// <summary>
/// The <c>gdnb kernel …</c> verbs: <c>start -f FILE [--allow-unsigned] [--verbose]</c>,
/// <c>install [--user | --prefix DIR] [--name NAME]</c>, <c>uninstall [--user | --prefix DIR] [--name NAME]</c>.
/// The CLI hands the arguments after <c>kernel</c> to <see cref="Run"/>.
/// </summary>
public static class KernelCommand
{
    /// <summary>Usage text listing the verbs.</summary>
    public const string Usage =
        "usage: gdnb kernel start -f CONNECTION_FILE [--allow-unsigned] [--verbose]\n" +
        "       gdnb kernel install [--user | --prefix DIR] [--name gdnotebooks]\n" +
        "       gdnb kernel uninstall [--user | --prefix DIR] [--name gdnotebooks]";

    /// <summary>Runs a kernel verb; returns the exit code (2 for usage errors, with the message on stderr).</summary>
    public static int Run(IReadOnlyList<string> args, string entryAssemblyPath, string? processPath, TextWriter output, TextWriter error)
    {
        try
        {
            if (args.Count == 0) throw new UsageException("missing kernel verb; valid verbs: start, install, uninstall\n" + Usage);
            if (args[0] is "-h" or "--help" || args.Skip(1).Any(a => a is "-h" or "--help"))
            {
                output.WriteLine(Usage);
                return 0;
            }
            var options = ParseOptions(args.Skip(1).ToList());
            switch (args[0])
            {
                case "start":
                    var file = options.GetValueOrDefault("-f") ?? throw new UsageException("kernel start needs -f CONNECTION_FILE");
                    var kernelOptions = new KernelOptions { AllowUnsigned = options.ContainsKey("--allow-unsigned"), Verbose = options.ContainsKey("--verbose") };
                    return KernelHost.Run(file, kernelOptions);
                case "install":
                {
                    var directory = Directory(options);
                    var argv = KernelSpecInstaller.LaunchCommand(entryAssemblyPath, processPath);
                    FileSystem(directory, "install the kernelspec in", () => KernelSpecInstaller.Install(directory, argv));
                    output.WriteLine($"installed kernelspec {Path.GetFileName(directory)} in {directory}");
                    return 0;
                }
                case "uninstall":
                {
                    var directory = Directory(options);
                    bool removed = false;
                    FileSystem(directory, "remove the kernelspec at", () => removed = KernelSpecInstaller.Uninstall(directory));
                    output.WriteLine(removed ? $"removed {directory}" : $"no kernelspec at {directory}");
                    return 0;
                }
                default:
                    throw UsageException.UnknownChoice("kernel verb", args[0], ["start", "install", "uninstall"]);
            }
        }
        catch (UsageException e)
        {
            error.WriteLine("gdnb kernel: " + e.Message);
            return 2;
        }
    }

    // A prefix that cannot be written (read-only, a file in the way, no permission) is the user's to fix: a usage error.
    private static void FileSystem(string directory, string what, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot {what} {directory}: {e.Message}");
        }
    }

    private static string Directory(Dictionary<string, string?> options)
    {
        var name = options.GetValueOrDefault("--name") ?? KernelSpecInstaller.DefaultName;
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw new UsageException($"bad kernel name '{name}': use letters, digits, '-', '_' or '.'");
        if (options.ContainsKey("--prefix") && options.ContainsKey("--user"))
            throw new UsageException("give either --user or --prefix DIR, not both");
        return options.GetValueOrDefault("--prefix") is { } prefix
            ? KernelSpecInstaller.PrefixKernelDirectory(prefix, name)
            : KernelSpecInstaller.UserKernelDirectory(name);
    }

    private static Dictionary<string, string?> ParseOptions(List<string> args)
    {
        string[] flags = ["--user", "--allow-unsigned", "--verbose"];
        string[] valued = ["-f", "--prefix", "--name"];
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=');
            var key = eq > 0 ? arg[..eq] : arg;
            if (flags.Contains(key)) { options[key] = null; continue; }
            if (!valued.Contains(key)) throw UsageException.UnknownChoice("option", arg, [.. valued, .. flags]);
            string? value = eq > 0 ? arg[(eq + 1)..] : i + 1 < args.Count ? args[++i] : null;
            if (string.IsNullOrWhiteSpace(value)) throw new UsageException($"{key} needs a value");
            options[key] = value;
        }
        return options;
    }
}
