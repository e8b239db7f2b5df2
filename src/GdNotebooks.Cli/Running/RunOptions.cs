using GdNotebooks.Interactive.Commands;

namespace GdNotebooks.Cli.Running;

/// <summary>The arguments of <c>gdnb run</c>, checked: what to run, where results go, and how strictly.</summary>
public sealed record RunOptions
{
    /// <summary>Where executed notebooks (and HTML reports) go unless <c>--out</c> says otherwise.</summary>
    public const string DefaultOutDirectory = "artifacts/notebooks";

    /// <summary>How long a timed-out or interrupted cell gets to honour its cancellation before the runner kills its worker process, by default.</summary>
    public static readonly TimeSpan DefaultCancelGrace = TimeSpan.FromSeconds(5);

    /// <summary>The notebook files and directories named on the command line, in order.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>Folder for executed notebooks, HTML pages and the index (with <see cref="InPlace"/>, only HTML goes there).</summary>
    public string OutDirectory { get; init; } = DefaultOutDirectory;

    /// <summary>Also write one HTML page per notebook and an index.html.</summary>
    public bool Html { get; init; }

    /// <summary>Values injected after each notebook's <c>parameters</c> cell (see <see cref="ParameterInjection"/>).</summary>
    public IReadOnlyList<NotebookParameter> Parameters { get; init; } = [];

    /// <summary>Longest a cell may run; null for no limit.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>How long a cell past its timeout (or interrupted by Ctrl-C) gets to stop after being cancelled before the runner kills its worker process.</summary>
    public TimeSpan CancelGrace { get; init; } = DefaultCancelGrace;

    /// <summary>Stop at the first failed notebook instead of running the rest.</summary>
    public bool FailFast { get; init; }

    /// <summary>Write executed notebooks over their inputs (.ipynb only) instead of into <see cref="OutDirectory"/>.</summary>
    public bool InPlace { get; init; }

    /// <summary>The declared options of <c>gdnb run</c>, for parsing and <c>--help</c>.</summary>
    public static CommandSpec Spec { get; } = new(
        "run",
        "execute notebooks headlessly (NOTEBOOK|DIR …) and save them with their outputs",
        [
            new OptionSpec("--out", OptionType.Text, "folder for executed notebooks, HTML pages and index.html", "DIR", DefaultOutDirectory),
            new OptionSpec("--html", OptionType.Flag, "also write a self-contained HTML page per notebook and an index.html"),
            new OptionSpec("--param", OptionType.Text, "set a parameter after the cell tagged 'parameters' (true/false → bool, 12 → int, 0.5 → double, else string)", "NAME=VALUE", Repeatable: true),
            new OptionSpec("--cell-timeout", OptionType.Number, "cancel a cell running longer than S seconds and fail the notebook", "S"),
            new OptionSpec("--cancel-grace", OptionType.Number, "seconds a timed-out or interrupted cell gets to stop before its worker process is killed", "S", "5"),
            new OptionSpec("--fail-fast", OptionType.Flag, "stop at the first notebook that fails"),
            new OptionSpec("--inplace", OptionType.Flag, "write executed notebooks over their inputs (.ipynb only)"),
        ],
        [
            "gdnb run notebooks/",
            "gdnb run notebooks/01-gd-by-hand.ipynb --param lr=0.5 --param optimizer=adam --html",
            "gdnb run notebooks/ --cell-timeout 600 --fail-fast --out artifacts/notebooks",
        ]);

    /// <summary>
    /// Parses the words after <c>run</c>: positional NOTEBOOK|DIR arguments mixed with options. Returns null when
    /// <c>--help</c> was asked for.
    /// </summary>
    /// <exception cref="UsageException">Unknown or malformed options, no inputs, a bad --param, a timeout that is not positive.</exception>
    public static RunOptions? Parse(IReadOnlyList<string> args)
    {
        var inputs = new List<string>();
        var optionTokens = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string token = args[i];
            if (!token.StartsWith('-') || token == "-")
            {
                inputs.Add(token);
                continue;
            }
            optionTokens.Add(token);
            var option = token.Contains('=') ? null : Spec.Find(token);
            if (option is { Type: not OptionType.Flag } && i + 1 < args.Count) optionTokens.Add(args[++i]);
        }
        var parsed = Spec.Parse(optionTokens);
        if (parsed.HelpRequested) return null;
        if (inputs.Count == 0) throw new UsageException("name at least one notebook (.ipynb or .dib) or folder of notebooks, e.g. gdnb run notebooks/");

        return new RunOptions
        {
            Inputs = inputs,
            OutDirectory = parsed.Text("--out")!,
            Html = parsed.Flag("--html"),
            Parameters = parsed.All("--param").Select(NotebookParameter.Parse).ToList(),
            CellTimeout = parsed.Number("--cell-timeout") is { } timeout ? Seconds(timeout, "--cell-timeout") : null,
            CancelGrace = Seconds(parsed.Number("--cancel-grace")!.Value, "--cancel-grace", allowZero: true),
            FailFast = parsed.Flag("--fail-fast"),
            InPlace = parsed.Flag("--inplace"),
        };
    }

    /// <summary>The longest timeout or grace accepted, in seconds (a year): beyond it TimeSpan arithmetic would overflow, and no cell needs it.</summary>
    public const double MaxSeconds = 365 * 24 * 3600;

    private static TimeSpan Seconds(double seconds, string option, bool allowZero = false)
    {
        if (seconds < 0 || (!allowZero && seconds == 0) || seconds > MaxSeconds)
            throw new UsageException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{option} {seconds}: out of range; give a number of seconds {(allowZero ? "≥ 0" : "> 0")} and at most {MaxSeconds} (a year), e.g. {option} 600"));
        return TimeSpan.FromSeconds(seconds);
    }
}
