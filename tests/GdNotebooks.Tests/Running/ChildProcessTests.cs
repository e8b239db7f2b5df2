using System.Diagnostics;
using GdNotebooks.Cli.Notebooks;
using GdNotebooks.Tests.Notebooks;
using static GdNotebooks.Tests.Running.RunScratch;

namespace GdNotebooks.Tests.Running;

/// <summary>
/// <c>gdnb run</c> as its own process (dotnet + the built gdnb.dll): a truly non-cooperative cell still lets it end,
/// with its worker process stopped, and killing it mid-run never leaves a half-written notebook.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class ChildProcessTests : IDisposable
{
    private readonly RunScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void A_while_true_cell_past_the_timeout_has_its_worker_stopped_and_the_process_exits_1()
    {
        // The spinning cell comes first: the warm-up is outside the limit, and no other cell has to beat 1 s on a busy machine.
        string input = _scratch.Notebook("spin.ipynb", Code("while (true) { }"), Code("Console.WriteLine(\"never\");"));

        using var process = Start(input, "--out", _scratch.Out, "--cell-timeout", "1", "--cancel-grace", "1");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        bool exited = process.WaitForExit(TimeSpan.FromSeconds(120));
        if (!exited) process.Kill(entireProcessTree: true);

        Assert.True(exited, "gdnb run did not end after the timeout");
        process.WaitForExit();
        string err = stderr.Result;
        Assert.True(process.ExitCode == 1, err);
        Assert.True(err.Contains("[spin] cell 1/2 timed out after") && err.Contains("it ignored cancellation and its worker process was stopped"), err);
        Assert.Contains("spin\tfailed\t1/2", stdout.Result);
        var notebook = _scratch.Executed("spin.ipynb");
        var error = Assert.IsType<ErrorOutput>(Assert.Single(notebook.Cells[0].Outputs));
        Assert.Equal("CellTimeoutError", error.Name);
        Assert.Contains("so the kernel process running it was stopped", error.Value);
        Assert.Null(notebook.Cells[1].ExecutionCount);

        // The cell ran for its limit and the grace (1 s + 1 s), then the kill: a small multiple of that, not forever.
        double limits = 1 + 1;
        double ran = notebook.Cells[0].Metadata["gdnotebooks"]!["duration"]!.GetValue<double>();
        Assert.True(ran >= limits && ran < limits * 5, $"the cell ran {ran} s");
        int worker = Assert.Single(WorkerPids(err));
        Assert.True(ProcessGone(worker), $"worker {worker} is still running");
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

    [Fact]
    public void Killed_alone_its_worker_ends_too_even_inside_a_cell_that_never_stops()
    {
        string input = _scratch.Notebook("orphan.ipynb", Code("Console.WriteLine(\"warm\");"), Code("while (true) { }"));

        using var process = Start(input, "--out", _scratch.Out);
        int worker = 0;
        var spinning = new ManualResetEventSlim();
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) stderr.AppendLine(e.Data);
            if (WorkerPids(e.Data) is [var pid]) worker = pid;
            if (e.Data.Contains("[orphan] cell 1/2 ok")) spinning.Set();
        };
        process.BeginErrorReadLine();
        process.StandardOutput.ReadToEndAsync();
        bool started = spinning.Wait(TimeSpan.FromSeconds(120));
        Thread.Sleep(300);
        process.Kill(entireProcessTree: false); // gdnb alone, as an OOM killer or `kill -9 PID` would
        process.WaitForExit();

        Assert.True(started, "the spinning cell never started:\n" + stderr);
        Assert.NotEqual(0, worker);
        // Its stdin closed with gdnb; it exits instead of spinning on as an orphan.
        Assert.True(ProcessGone(worker), $"worker {worker} outlived gdnb run");
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
