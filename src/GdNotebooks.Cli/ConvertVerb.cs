using GdNotebooks.Cli.Notebooks;

namespace GdNotebooks.Cli;

/// <summary>
/// <c>gdnb convert IN OUT</c>: converts between .ipynb and .dib, either direction, chosen by extension; .ipynb to
/// .ipynb (or .dib to .dib) rewrites the file in normal form (nbformat 4.5, ids, Jupyter's layout). IN and OUT may be
/// the same file: the write is atomic. Writes nothing to stdout; says on stderr what it wrote, and what .dib could
/// not hold. Exit 0 on success, 2 for usage errors (wrong arguments, unknown extension, missing file, bad notebook).
/// </summary>
public static class ConvertVerb
{
    /// <summary>The usage line shown with --help and after argument errors.</summary>
    public const string UsageLine = "usage: gdnb convert IN OUT   (IN and OUT are .ipynb or .dib, e.g. gdnb convert a.dib a.ipynb)";

    /// <summary>Runs the verb; <paramref name="args"/> are the words after <c>convert</c>.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 1 && args[0] is "-h" or "--help")
        {
            stdout.WriteLine(UsageLine);
            stdout.WriteLine("Converts a notebook between Jupyter (.ipynb) and Polyglot (.dib) formats. .dib keeps sources, cell kinds");
            stdout.WriteLine("and languages only: outputs, execution counts, tags and other metadata are dropped (and reported).");
            return Gdnb.Ok;
        }
        if (args.FirstOrDefault(a => a.StartsWith('-') && a.Length > 1) is { } option)
        {
            stderr.WriteLine($"gdnb convert: unknown option '{option}'; convert takes no options. {UsageLine}");
            return Gdnb.Usage;
        }
        if (args.Count != 2)
        {
            stderr.WriteLine("gdnb convert: expected IN and OUT, e.g. gdnb convert a.dib a.ipynb");
            return Gdnb.Usage;
        }
        string input = args[0], output = args[1];
        if (string.IsNullOrWhiteSpace(input) || string.IsNullOrWhiteSpace(output))
        {
            stderr.WriteLine($"gdnb convert: {(string.IsNullOrWhiteSpace(input) ? "IN" : "OUT")} is empty; give a notebook file name, e.g. gdnb convert a.dib a.ipynb");
            return Gdnb.Usage;
        }
        try
        {
            var outputFormat = NotebookFile.FormatOf(output);
            var notebook = NotebookFile.Read(input);
            var losses = outputFormat == NotebookFormat.Dib ? DibFormat.Losses(notebook) : [];
            NotebookFile.Write(notebook, output);
            if (losses.Count > 0) stderr.WriteLine($"gdnb convert: .dib cannot hold, so dropped or normalised: {string.Join("; ", losses)}");
            int n = notebook.Cells.Count;
            stderr.WriteLine($"wrote {output} ({n} cell{(n == 1 ? "" : "s")}, from {input})");
            return Gdnb.Ok;
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"gdnb convert: {e.Message}");
            return Gdnb.Usage;
        }
    }
}
