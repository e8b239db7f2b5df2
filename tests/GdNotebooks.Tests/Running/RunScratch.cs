using GdNotebooks.Cli;
using GdNotebooks.Cli.Notebooks;
using GdNotebooks.Tests.Notebooks;

namespace GdNotebooks.Tests.Running;

/// <summary>A scratch folder for runner tests: writes small notebooks and runs <c>gdnb run</c> on them in-process.</summary>
internal sealed class RunScratch : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public string Path => _dir.Path;

    /// <summary>The default output folder of <see cref="Run"/>: "out" inside the scratch folder.</summary>
    public string Out => File("out");

    public string File(string name) => System.IO.Path.Combine(_dir.Path, name);

    /// <summary>Writes an .ipynb (or .dib) made of <paramref name="cells"/> and returns its path.</summary>
    public string Notebook(string name, params NotebookCell[] cells)
    {
        var notebook = GdNotebooks.Cli.Notebooks.Notebook.New();
        notebook.Cells.AddRange(cells);
        string path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        NotebookFile.Write(notebook, path);
        return path;
    }

    /// <summary>Runs <c>gdnb run ARGS --out OUT</c> (unless args name --out or --inplace) and captures what it prints.</summary>
    public (int Exit, string Out, string Err) Run(params string[] args)
    {
        var all = args.ToList();
        if (!all.Contains("--out") && !all.Contains("--inplace")) all.AddRange(["--out", Out]);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Gdnb.Run(["run", .. all], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Reads an executed notebook from the output folder.</summary>
    public Notebook Executed(string name) => NotebookFile.Read(System.IO.Path.Combine(Out, name));

    public void Dispose() => _dir.Dispose();

    /// <summary>A code cell with tags.</summary>
    public static NotebookCell Code(string source, params string[] tags)
    {
        var cell = NotebookCell.Code(source);
        if (tags.Length > 0) cell.Tags = tags;
        return cell;
    }
}
