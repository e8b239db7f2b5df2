using GdNotebooks.Cli.Notebooks;
using GdNotebooks.Interactive.Commands;
using GdNotebooks.Interactive.Magics;

namespace GdNotebooks.Tests.Notebooks;

/// <summary>Every experiment magic in notebooks/ estimates under the default work limits, so no notebook needs --force.</summary>
public class NotebookWorkLimitTests
{
    [Fact]
    public void Every_notebook_magic_runs_without_confirmation()
    {
        string dir = Path.Combine(NotebookSamples.RepositoryRoot(), "notebooks");
        var limits = new WorkLimits(WorkLimits.DefaultMaxOperations, WorkLimits.DefaultMaxBytes, WorkLimits.DefaultMaxBytes);
        var checkedLines = new List<string>();
        foreach (string path in Directory.EnumerateFiles(dir, "*.ipynb").Order(StringComparer.Ordinal))
        {
            var cells = NotebookFile.Read(path).Cells.Where(c => c.Kind == CellKind.Code);
            foreach (string line in cells.SelectMany(c => c.Source.Split('\n')).Select(l => l.Trim()).Where(l => l.StartsWith(MagicCommands.Prefix, StringComparison.Ordinal)))
            {
                var magic = MagicCommands.Parse(line);
                if (magic.Command.Experiment is not { } verb) continue;
                var estimate = verb.Plan(magic.Options).Estimate;
                Assert.False(limits.NeedsConfirmation(estimate), $"{Path.GetFileName(path)}: {line} estimates {estimate}");
                Assert.False(magic.Options.Flag(WorkLimits.MagicFlag), $"{Path.GetFileName(path)}: {line} should not need --force");
                checkedLines.Add(line);
            }
        }
        Assert.True(checkedLines.Count >= 15, $"found only {checkedLines.Count} experiment magics in {dir}");
    }
}
