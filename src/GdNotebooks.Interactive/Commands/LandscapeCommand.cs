using GdNotebooks.Experiments;

namespace GdNotebooks.Interactive.Commands;

/// <summary><c>landscape</c>: the loss on a line between two solutions (1d) or on a filter-normalised plane around one (2d).</summary>
public static class LandscapeCommand
{
    public static readonly string[] Modes = ["1d", "2d"];

    public static ExperimentVerb Verb { get; } = ExperimentVerb.Create(
        "landscape",
        "loss landscape: 1d along the line start→trained (or between two batch sizes' minima), 2d around the trained point along filter-normalised random directions",
        [
            new("--mode", OptionType.Text, "1d (line between two solutions) or 2d (surface around the trained point)", "M", "1d"),
            new("--resolution", OptionType.Integer, $"points on the line, or per side of the 2d grid (2 to {LossLandscape.MaxResolution})", "N", "21"),
            new("--from", OptionType.Number, "1d: first α (α = 0 is the first solution)", "A", "-0.5"),
            new("--to", OptionType.Number, "1d: last α (α = 1 is the second solution)", "A", "1.5"),
            new("--span", OptionType.Number, "2d: α and β run over [-span, span]", "X", "1"),
            new("--batches", OptionType.Text, "1d: two batch sizes; the line joins the minima of a run with each", "B1,B2"),
        ],
        [
            "landscape --problem mlp:data=iris,hidden=[16] --mode 1d --steps 300 --lr 0.5",
            "landscape --problem mlp:data=digits,hidden=[32] --mode 1d --batches 16,full --epochs 5 --lr 0.1",
            "landscape --problem mlp:data=iris,hidden=[16] --mode 2d --resolution 31 --steps 300 --lr 0.5",
        ],
        ["--resolution", "--steps", "--epochs"],
        options =>
        {
            var settings = Settings(options);
            return new ExperimentPlan(settings.Estimate, (progress, cancel) => LossLandscape.Run(settings, progress, cancel));
        });

    public static LandscapeSettings Settings(ParsedCommand options)
    {
        var descent = DescentOptions.Build(options);
        string mode = options.Text("--mode")!.ToLowerInvariant();
        if (!Modes.Contains(mode)) throw new UsageException($"--mode {mode} is not a mode; valid: {string.Join(", ", Modes)}");
        int resolution = options.Integer("--resolution")!.Value;
        if (resolution < 2 || resolution > LossLandscape.MaxResolution)
            throw new UsageException($"--resolution {resolution} is out of range; valid: 2 to {LossLandscape.MaxResolution}");
        var batches = options.Text("--batches") is { } text ? BatchSizeList.Parse(text) : null;
        if (mode == "2d")
        {
            if (batches is not null) throw new UsageException("--batches applies to --mode 1d (the line between two minima), not to 2d");
            if (options.Has("--from") || options.Has("--to")) throw new UsageException("--from and --to set the 1d range; for 2d use --span");
        }
        else if (options.Has("--span")) throw new UsageException("--span sets the 2d range; for 1d use --from and --to");
        if (batches is not null && options.Has("--batch"))
            throw new UsageException("--batch and --batches: with --batches the two runs use those sizes; drop --batch");
        if (batches is { Count: not 2 }) throw new UsageException($"--batches takes exactly two sizes for the line between their minima, given {batches.Count}");
        return new LandscapeSettings
        {
            Descent = descent,
            Mode = mode == "1d" ? LandscapeMode.Line : LandscapeMode.Surface,
            Resolution = resolution,
            From = options.Number("--from")!.Value,
            To = options.Number("--to")!.Value,
            Span = options.Number("--span")!.Value,
            Batches = batches,
        };
    }
}
