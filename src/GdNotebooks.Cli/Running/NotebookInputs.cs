using GdNotebooks.Cli.Notebooks;

namespace GdNotebooks.Cli.Running;

/// <summary>
/// Turns the NOTEBOOK|DIR arguments of <c>gdnb run</c> into notebook files: a file is taken as given (its extension
/// must be .ipynb or .dib); a directory contributes its own *.ipynb and *.dib files (not subfolders, not hidden
/// files), sorted by file name (ordinal, so <c>01-…</c> before <c>02-…</c>). A file named twice runs once.
/// </summary>
public static class NotebookInputs
{
    /// <summary>The notebook files to run, in order.</summary>
    /// <exception cref="UsageException">A path that does not exist, a file that is not a notebook by extension, or a folder with no notebooks.</exception>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> inputs)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (string input in inputs)
        {
            IEnumerable<string> found;
            if (Directory.Exists(input))
            {
                found = Directory.EnumerateFiles(input)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Where(f => NotebookFile.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
                    .ToList();
                if (!found.Any())
                    throw new UsageException($"{input} holds no notebooks ({string.Join(" or ", NotebookFile.Extensions.Select(e => "*" + e))})");
            }
            else if (File.Exists(input))
            {
                NotebookFile.FormatOf(input);
                found = [input];
            }
            else
            {
                throw new UsageException($"no such notebook or folder: {input}");
            }
            foreach (string file in found)
                if (seen.Add(Path.GetFullPath(file))) files.Add(file);
        }
        return files;
    }
}
