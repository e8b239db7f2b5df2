using GdNotebooks.Cli;
using GdNotebooks.Cli.Notebooks;
using GdNotebooks.Tests.Notebooks;

namespace GdNotebooks.Tests.Running;

/// <summary>
/// A scratch folder for runner tests: writes small notebooks and runs <c>gdnb run</c> on them from the test process (its
/// cells run in worker processes).
/// </summary>
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

    /// <summary>The worker process ids named in progress lines (<c>[NAME] running … (worker process 123)</c>), in order.</summary>
    public static IReadOnlyList<int> WorkerPids(string stderr) =>
        System.Text.RegularExpressions.Regex.Matches(stderr, @"\(worker process (\d+)\)").Select(m => int.Parse(m.Groups[1].Value)).ToList();

    /// <summary>True once no process <paramref name="pid"/> runs, waiting up to a few seconds for the system to reap it.</summary>
    public static bool ProcessGone(int pid)
    {
        for (int i = 0; i < 50; i++)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                if (process.HasExited) return true;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                return true;
            }
            Thread.Sleep(100);
        }
        return false;
    }

    /// <summary>
    /// Worker processes (<c>gdnb.dll worker</c>) this test process started that still run, after waiting a few seconds for
    /// them to go. Read from /proc, so always empty where there is none (the runner tests run on Linux).
    /// </summary>
    public static IReadOnlyList<int> LiveWorkers()
    {
        List<int> live = [];
        for (int i = 0; i < 50; i++)
        {
            live = ChildWorkers();
            if (live.Count == 0) break;
            Thread.Sleep(100);
        }
        return live;
    }

    private static List<int> ChildWorkers()
    {
        if (!Directory.Exists("/proc/self")) return [];
        var workers = new List<int>();
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(System.IO.Path.GetFileName(dir), out int pid)) continue;
            try
            {
                // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
                string stat = System.IO.File.ReadAllText(System.IO.Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] == "Z" || int.Parse(fields[1]) != Environment.ProcessId) continue;
                var argv = System.IO.File.ReadAllText(System.IO.Path.Combine(dir, "cmdline")).Split('\0');
                if (argv.Any(a => a.EndsWith("gdnb.dll", StringComparison.Ordinal)) && argv.Contains("worker")) workers.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // it ended meanwhile
        }
        return workers;
    }

    /// <summary>A code cell with tags.</summary>
    public static NotebookCell Code(string source, params string[] tags)
    {
        var cell = NotebookCell.Code(source);
        if (tags.Length > 0) cell.Tags = tags;
        return cell;
    }
}
