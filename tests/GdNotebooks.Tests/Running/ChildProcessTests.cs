using System.Diagnostics;
using GdNotebooks.Cli.Notebooks;
using GdNotebooks.Tests.Notebooks;
using static GdNotebooks.Tests.Running.RunScratch;

namespace GdNotebooks.Tests.Running;

/// <summary>
/// <c>gdnb run</c> as its own process (dotnet + the built gdnb.dll): a truly non-cooperative cell still lets it end,
/// and killing it mid-run never leaves a half-written notebook.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class ChildProcessTests : IDisposable
{
    private readonly RunScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void A_while_true_cell_past_the_timeout_is_abandoned_and_the_process_exits_1()
    {
        string input = _scratch.Notebook("spin.ipynb",
            Code("Console.WriteLine(\"warm\");"),
            Code("while (true) { }"),
            Code("Console.WriteLine(\"never\");"));
        string other = _scratch.Notebook("zz-after.ipynb", Code("Console.WriteLine(\"next notebook ran\");"));

        using var process = Start(input, other, "--out", _scratch.Out, "--cell-timeout", "5", "--cancel-grace", "1");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        bool exited = process.WaitForExit(TimeSpan.FromSeconds(120));
        if (!exited) process.Kill(entireProcessTree: true);

        Assert.True(exited, "gdnb run did not end after abandoning the cell");
        process.WaitForExit();
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("ignored cancellation and was abandoned", stderr.Result);
        Assert.Contains("zz-after\tok", stdout.Result);
        var notebook = _scratch.Executed("spin.ipynb");
        Assert.Equal("CellTimeoutError", Assert.IsType<ErrorOutput>(Assert.Single(notebook.Cells[1].Outputs)).Name);
        Assert.Null(notebook.Cells[2].ExecutionCount);
    }

    [Fact]
    public void Killed_mid_run_the_output_notebook_is_absent_or_whole()
    {
        string output = Path.Combine(_scratch.Out, "long.ipynb");
        string input = _scratch.Notebook("long.ipynb",
            Code("Console.WriteLine(\"first\");"),
            Code("for (int i = 0; i < 600; i++) { Console.WriteLine(i); Thread.Sleep(100); }"));
        string previous = _scratch.Notebook("aa-previous.ipynb", Code("Console.WriteLine(\"done\");"));

        using var process = Start(previous, input, "--out", _scratch.Out);
        var stderr = new System.Text.StringBuilder();
        var longCellStarted = new ManualResetEventSlim();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) stderr.AppendLine(e.Data);
            if (e.Data.Contains("[long] cell 1/2")) longCellStarted.Set();
        };
        process.BeginErrorReadLine();
        process.StandardOutput.ReadToEndAsync();
        bool started = longCellStarted.Wait(TimeSpan.FromSeconds(120));
        Thread.Sleep(500);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        Assert.True(started, "the long cell never started:\n" + stderr);

        // The notebook finished before the kill is whole; the one killed mid-run is absent (never half-written).
        var done = NotebookFile.Read(Path.Combine(_scratch.Out, "aa-previous.ipynb"));
        Assert.Equal("done\n", Assert.IsType<StreamOutput>(Assert.Single(done.Cells[0].Outputs)).Text);
        if (File.Exists(output)) NotebookFile.Read(output);
        foreach (string file in Directory.GetFiles(_scratch.Out, "*.ipynb")) NotebookFile.Read(file);
        Assert.Empty(Directory.GetFiles(_scratch.Out, "*.ipynb").Where(f => Path.GetFileName(f) is not ("aa-previous.ipynb" or "long.ipynb")));
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(GdnbDll());
        start.ArgumentList.Add("run");
        foreach (string arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    /// <summary>gdnb.dll built in the same configuration as these tests (the test project references the CLI).</summary>
    private static string GdnbDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        string configuration = here.Parent!.Name, framework = here.Name;
        string path = Path.Combine(NotebookSamples.RepositoryRoot(), "src", "GdNotebooks.Cli", "bin", configuration, framework, "gdnb.dll");
        Assert.True(File.Exists(path), $"{path} not built");
        return path;
    }
}
