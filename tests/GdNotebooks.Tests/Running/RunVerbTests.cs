using GdNotebooks.Cli;
using GdNotebooks.Cli.Notebooks;
using GdNotebooks.Cli.Running;
using GdNotebooks.Tests.Notebooks;
using static GdNotebooks.Tests.Running.RunScratch;
using NotebookMimeBundle = GdNotebooks.Cli.Notebooks.MimeBundle;

namespace GdNotebooks.Tests.Running;

/// <summary>
/// <c>gdnb run</c> called from the test process (cells run in its worker processes): outputs, counts, failures, crashes,
/// parameters, order, exit codes.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class RunVerbTests : IDisposable
{
    private readonly RunScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void Runs_every_code_cell_in_order_and_saves_outputs_counts_and_timing()
    {
        string input = _scratch.Notebook("01-basics.ipynb",
            NotebookCell.Markdown("# Basics"),
            Code("var x = 20;\nConsole.WriteLine(\"a\");\nConsole.WriteLine(\"b\");"),
            Code("var h = display(1);\nh.Update(2);\nConsole.Error.WriteLine(\"warn\");"),
            Code("h.Update(3);\nx + 22"));

        var (exit, stdout, stderr) = _scratch.Run(input);

        Assert.True(exit == Gdnb.Ok, stderr);
        var notebook = _scratch.Executed("01-basics.ipynb");
        var code = notebook.Cells.Where(c => c.Kind == CellKind.Code).ToList();
        Assert.Equal([1, 2, 3], code.Select(c => c.ExecutionCount));
        Assert.Equal("a\nb\n", Assert.IsType<StreamOutput>(Assert.Single(code[0].Outputs)).Text);
        var display = Assert.IsType<DisplayDataOutput>(code[1].Outputs[0]);
        Assert.Equal("3", NotebookMimeBundle.Text(display.Data, "text/plain"));
        Assert.Equal(("stderr", "warn\n"), (Assert.IsType<StreamOutput>(code[1].Outputs[1]).Name, ((StreamOutput)code[1].Outputs[1]).Text));
        var result = Assert.IsType<ExecuteResultOutput>(Assert.Single(code[2].Outputs));
        Assert.Equal((3, "42"), (result.ExecutionCount, NotebookMimeBundle.Text(result.Data, "text/plain")));

        Assert.Equal(Kernelspec.GdNotebooks, notebook.Kernelspec);
        Assert.Equal("ok", notebook.Metadata["gdnotebooks"]!["status"]!.GetValue<string>());
        Assert.True(notebook.Metadata["gdnotebooks"]!["duration"]!.GetValue<double>() > 0);
        Assert.All(code, c => Assert.Equal("ok", c.Metadata["gdnotebooks"]!["status"]!.GetValue<string>()));
        Assert.All(code, c => Assert.NotNull(c.Metadata["execution"]!["shell.execute_reply"]));

        Assert.Equal($"notebook\tstatus\tcells\tseconds\toutput\n01-basics\tok\t3/3\t", stdout[..(stdout.IndexOf("\tok\t3/3\t") + 8)]);
        Assert.Contains("[01-basics] cell 2/3 ok", stderr);
        Assert.Contains("[01-basics] ok in", stderr);
        Assert.Equal(2, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_failing_cell_exits_1_reports_where_and_why_and_still_writes_the_notebook()
    {
        string input = _scratch.Notebook("broken.ipynb",
            Code("Console.WriteLine(\"before\");"),
            Code("// divide\nint zero = 0;\nvar q = 1 / zero;\nConsole.WriteLine(q);\nConsole.WriteLine(\"never\");"),
            Code("Console.WriteLine(\"not run\");"));

        var (exit, stdout, stderr) = _scratch.Run(input);

        Assert.Equal(Gdnb.Failed, exit);
        Assert.Contains($"gdnb run: {input}: cell 2/3", stderr);
        Assert.Contains("    | // divide\n    | int zero = 0;", stderr.Replace("\r\n", "\n"));
        Assert.Contains("(1 more line)", stderr);
        Assert.Contains("DivideByZeroException: Attempted to divide by zero.", stderr);
        Assert.Contains("broken\tfailed\t2/3", stdout);

        var notebook = _scratch.Executed("broken.ipynb");
        var error = Assert.IsType<ErrorOutput>(Assert.Single(notebook.Cells[1].Outputs));
        Assert.Equal("DivideByZeroException", error.Name);
        Assert.NotEmpty(error.Traceback);
        Assert.Null(notebook.Cells[2].ExecutionCount);
        Assert.Empty(notebook.Cells[2].Outputs);
        Assert.Equal("failed", notebook.Metadata["gdnotebooks"]!["status"]!.GetValue<string>());
        Assert.Equal(2, notebook.Metadata["gdnotebooks"]!["failed_cell"]!["number"]!.GetValue<int>());
    }

    [Fact]
    public void A_compile_error_fails_the_notebook_but_a_raises_exception_cell_may_fail()
    {
        string expected = _scratch.Notebook("expected.ipynb",
            Code("throw new InvalidOperationException(\"on purpose\");", NotebookRunner.RaisesExceptionTag),
            Code("1 + 1"));
        string compile = _scratch.Notebook("compile.ipynb", Code("int x = \"text\";"));

        var (exit, _, stderr) = _scratch.Run(expected);
        Assert.True(exit == Gdnb.Ok, stderr);
        var notebook = _scratch.Executed("expected.ipynb");
        Assert.Equal("InvalidOperationException", Assert.IsType<ErrorOutput>(Assert.Single(notebook.Cells[0].Outputs)).Name);
        Assert.Equal(2, notebook.Cells[1].ExecutionCount);
        Assert.Contains("raised (expected)", stderr);

        var (compileExit, _, compileErr) = _scratch.Run(compile);
        Assert.Equal(Gdnb.Failed, compileExit);
        Assert.Contains("CompilationError", compileErr);
        Assert.Contains("CS0029", compileErr);
    }

    [Fact]
    public void Parameters_are_injected_after_the_parameters_cell_with_their_types()
    {
        string input = _scratch.Notebook("params.ipynb",
            NotebookCell.Markdown("# Parameters"),
            Code("double lr = 0.1;\nint steps = 5;\nstring optimizer = \"sgd\";\nbool log = false;\nstring tag = \"none\";", "parameters"),
            Code("Console.WriteLine($\"{lr} {steps} {optimizer} {log} {tag} {steps.GetType().Name}\");"));

        var (exit, _, stderr) = _scratch.Run(input, "--param", "lr=1", "--param", "steps=20", "--param", "optimizer=adam:amsgrad=true",
            "--param=log=true", "--param", "tag=42");

        Assert.True(exit == Gdnb.Ok, stderr);
        var notebook = _scratch.Executed("params.ipynb");
        Assert.Equal(["parameters"], notebook.Cells[1].Tags);
        Assert.Equal(["injected-parameters"], notebook.Cells[2].Tags);
        Assert.Equal("// Parameters injected by gdnb run\nlr = 1;\nsteps = 20;\noptimizer = \"adam:amsgrad=true\";\nlog = true;\ntag = \"42\";",
            notebook.Cells[2].Source);
        Assert.Equal("1 20 adam:amsgrad=true True 42 Int32\n", Assert.IsType<StreamOutput>(Assert.Single(notebook.Cells[3].Outputs)).Text);
        Assert.Equal(3, notebook.Cells[3].ExecutionCount);
        Assert.DoesNotContain("warning", stderr);
    }

    [Fact]
    public void A_param_for_a_notebook_without_a_parameters_cell_goes_on_top_with_a_warning()
    {
        string input = _scratch.Notebook("plain.ipynb", Code("Console.WriteLine(seed * 2);"));
        var (exit, _, stderr) = _scratch.Run(input, "--param", "seed=21");
        Assert.True(exit == Gdnb.Ok, stderr);
        Assert.Contains("[plain] warning: no cell is tagged 'parameters'", stderr);
        var notebook = _scratch.Executed("plain.ipynb");
        Assert.Equal(["injected-parameters"], notebook.Cells[0].Tags);
        Assert.Equal("42\n", Assert.IsType<StreamOutput>(Assert.Single(notebook.Cells[1].Outputs)).Text);
    }

    [Fact]
    public void A_directory_runs_in_name_order_each_notebook_in_a_fresh_engine()
    {
        _scratch.Notebook("dir/02-second.ipynb", Code("Console.WriteLine(shared);"));
        _scratch.Notebook("dir/01-first.ipynb", Code("var shared = 1;\nConsole.WriteLine(shared);"));
        System.IO.File.WriteAllText(_scratch.File("dir/03-third.dib"), "#!csharp\n\nConsole.WriteLine(\"from dib\");\n");
        System.IO.File.WriteAllText(_scratch.File("dir/notes.txt"), "not a notebook");

        var (exit, stdout, stderr) = _scratch.Run(_scratch.File("dir"));

        Assert.Equal(Gdnb.Failed, exit);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split('\t')[..2]).ToList();
        Assert.Equal([["01-first", "ok"], ["02-second", "failed"], ["03-third", "ok"]], rows);
        Assert.True(stderr.IndexOf("[01-first] running", StringComparison.Ordinal) < stderr.IndexOf("[02-second] running", StringComparison.Ordinal));
        Assert.Contains("CS0103", stderr); // 'shared' does not exist: the second notebook did not see the first's state
        Assert.Single(WorkerPids(stderr).Distinct()); // one worker process served all three, each on a fresh engine
        Assert.Equal("from dib\n", Assert.IsType<StreamOutput>(Assert.Single(_scratch.Executed("03-third.ipynb").Cells[0].Outputs)).Text);
    }

    [Fact]
    public void Fail_fast_stops_after_the_first_failing_notebook_and_without_it_the_rest_still_run()
    {
        _scratch.Notebook("ff/a.ipynb", Code("throw new Exception(\"a fails\");"));
        _scratch.Notebook("ff/b.ipynb", Code("Console.WriteLine(\"b ran\");"));

        var (exit, stdout, stderr) = _scratch.Run(_scratch.File("ff"), "--fail-fast");
        Assert.Equal(Gdnb.Failed, exit);
        Assert.Contains("b\tnot-run\t0/1", stdout);
        Assert.False(System.IO.File.Exists(System.IO.Path.Combine(_scratch.Out, "b.ipynb")));
        Assert.Contains("1 not run (--fail-fast)", stderr);

        var (again, stdout2, _) = _scratch.Run(_scratch.File("ff"));
        Assert.Equal(Gdnb.Failed, again);
        Assert.Contains("b\tok\t1/1", stdout2);
    }

    [Fact]
    public void Inplace_writes_the_executed_notebook_over_its_input()
    {
        string input = _scratch.Notebook("inplace.ipynb", Code("6 * 7"));
        var (exit, stdout, stderr) = _scratch.Run(input, "--inplace");
        Assert.True(exit == Gdnb.Ok, stderr);
        var notebook = NotebookFile.Read(input);
        Assert.Equal("42", NotebookMimeBundle.Text(Assert.IsType<ExecuteResultOutput>(Assert.Single(notebook.Cells[0].Outputs)).Data, "text/plain"));
        Assert.Contains($"\t{input}\n", stdout);
        Assert.False(Directory.Exists(_scratch.Out));
    }

    [Fact]
    public void A_cell_past_the_timeout_is_cancelled_and_reported_and_the_next_notebook_runs()
    {
        string slow = _scratch.Notebook("t1-slow.ipynb",
            Code("Console.WriteLine(\"warm\");"),
            Code("while (true) { CancellationToken.ThrowIfCancellationRequested(); Thread.Sleep(20); }"),
            Code("Console.WriteLine(\"after\");"));
        string fast = _scratch.Notebook("t2-fast.ipynb", Code("1"));

        var (exit, stdout, stderr) = _scratch.Run(slow, fast, "--cell-timeout", "5");

        Assert.Equal(Gdnb.Failed, exit);
        Assert.Contains("[t1-slow] cell 2/3 timed out after", stderr);
        Assert.Contains($"gdnb run: {slow}: cell 2/3", stderr);
        Assert.Contains("CellTimeoutError: A cell timed out while it was being executed, after 5 seconds", stderr);
        Assert.DoesNotContain("worker process was stopped", stderr); // it honoured the cancellation: no kill
        var notebook = _scratch.Executed("t1-slow.ipynb");
        var error = Assert.IsType<ErrorOutput>(Assert.Single(notebook.Cells[1].Outputs));
        Assert.Equal(NotebookRunner.TimeoutErrorName, error.Name);
        Assert.Equal("timeout", notebook.Cells[1].Metadata["gdnotebooks"]!["status"]!.GetValue<string>());
        Assert.Null(notebook.Cells[2].ExecutionCount);
        Assert.Contains("t2-fast\tok", stdout);
    }

    [Fact]
    public void A_stack_overflow_ends_only_its_worker_the_notebook_fails_there_and_the_next_notebook_runs()
    {
        string crash = _scratch.Notebook("so-1.ipynb",
            Code("Console.WriteLine(\"before\");\nvar h = display(1);"),
            Code("h.Update(2);\n40 + 2"),
            Code("// recurse forever\nint F(int n) => F(n + 1) + 1;\nF(0)"),
            Code("Console.WriteLine(\"never\");"));
        string after = _scratch.Notebook("so-2.ipynb", Code("Console.WriteLine(\"next notebook ran\");"));

        var (exit, stdout, stderr) = _scratch.Run(crash, after);

        Assert.Equal(Gdnb.Failed, exit);
        Assert.Contains($"gdnb run: {crash}: cell 3/4", stderr);
        Assert.Contains("    | // recurse forever", stderr.Replace("\r\n", "\n"));
        Assert.Contains($"{KernelDiedException.ErrorName}: The kernel process running this notebook", stderr);
        Assert.Contains("so-1\tfailed\t3/4", stdout);
        Assert.Contains("so-2\tok\t1/1", stdout);

        var notebook = _scratch.Executed("so-1.ipynb");
        Assert.Equal("before\n", Assert.IsType<StreamOutput>(notebook.Cells[0].Outputs[0]).Text);
        Assert.Equal("2", NotebookMimeBundle.Text(Assert.IsType<DisplayDataOutput>(notebook.Cells[0].Outputs[1]).Data, "text/plain"));
        Assert.Equal("42", NotebookMimeBundle.Text(Assert.IsType<ExecuteResultOutput>(Assert.Single(notebook.Cells[1].Outputs)).Data, "text/plain"));
        var error = Assert.IsType<ErrorOutput>(Assert.Single(notebook.Cells[2].Outputs));
        Assert.Equal(KernelDiedException.ErrorName, error.Name);
        Assert.Contains("a stack overflow or a crash", error.Value);
        if (!OperatingSystem.IsWindows()) Assert.Contains("(SIGABRT, exit code 134)", error.Value);
        Assert.Contains("Stack overflow.", error.Traceback); // the runtime's own report, from the worker's stderr
        Assert.Null(notebook.Cells[3].ExecutionCount);
        Assert.Equal("failed", notebook.Metadata["gdnotebooks"]!["status"]!.GetValue<string>());
        Assert.Equal(KernelDiedException.ErrorName, notebook.Metadata["gdnotebooks"]!["failed_cell"]!["ename"]!.GetValue<string>());
        Assert.Equal("next notebook ran\n", Assert.IsType<StreamOutput>(Assert.Single(_scratch.Executed("so-2.ipynb").Cells[0].Outputs)).Text);

        Assert.Equal(2, WorkerPids(stderr).Distinct().Count());
        Assert.Empty(LiveWorkers());
    }

    [Fact]
    public void A_thread_left_running_by_one_notebook_cannot_write_into_the_next()
    {
        string first = _scratch.Notebook("left-1.ipynb",
            Code("var h = display(0);\n_ = Task.Run(async () => { for (int i = 1; i <= 60; i++) { await Task.Delay(25); h.Update(i); display(\"leak \" + i); Console.WriteLine(\"late \" + i); } });"));
        string second = _scratch.Notebook("left-2.ipynb", Code("Thread.Sleep(800);\n1"), Code("Thread.Sleep(400);\n2"));

        var (exit, _, stderr) = _scratch.Run(first, second);

        Assert.True(exit == Gdnb.Ok, stderr);
        var notebook = _scratch.Executed("left-2.ipynb");
        Assert.Equal(["1", "2"], notebook.Cells.Select(c => NotebookMimeBundle.Text(Assert.IsType<ExecuteResultOutput>(Assert.Single(c.Outputs)).Data, "text/plain")));
        Assert.Contains("worker: late ", stderr); // console text outside any cell goes to the progress lines
        Assert.Single(WorkerPids(stderr).Distinct());
    }

    [Theory]
    [InlineData("Environment.FailFast(\"on purpose\");", "SIGABRT")]
    [InlineData("System.Diagnostics.Process.GetCurrentProcess().Kill();", "SIGKILL")]
    public void A_cell_that_ends_its_process_fails_the_notebook_even_when_tagged_raises_exception(string source, string signal)
    {
        string input = _scratch.Notebook("ends.ipynb", Code("var x = 1;"), Code(source, NotebookRunner.RaisesExceptionTag), Code("x"));

        var (exit, _, stderr) = _scratch.Run(input);

        Assert.Equal(Gdnb.Failed, exit);
        var notebook = _scratch.Executed("ends.ipynb");
        var error = Assert.IsType<ErrorOutput>(Assert.Single(notebook.Cells[1].Outputs));
        Assert.Equal(KernelDiedException.ErrorName, error.Name);
        if (!OperatingSystem.IsWindows()) Assert.Contains($"({signal}, exit code", error.Value);
        Assert.Null(notebook.Cells[2].ExecutionCount);
        Assert.Contains("[ends] cell 2/3 failed", stderr);
    }

    [Fact]
    public void Console_text_outside_any_cell_and_raw_stdout_writes_stay_out_of_the_notebook_and_the_protocol()
    {
        string input = _scratch.Notebook("stray.ipynb",
            Code("var late = Task.Run(async () => { await Task.Delay(200); Console.WriteLine(\"late line\"); });\nConsole.ReadLine() ?? \"no input\""),
            // Cell 2 waits for the late line (still written from outside any cell), so a busy pool cannot push it past the run.
            Code("late.Wait();\nusing (var raw = Console.OpenStandardOutput()) { raw.Write(\"raw bytes, no newline\"u8); raw.Flush(); }\nThread.Sleep(400);\nConsole.WriteLine(\"in cell\");"),
            Code("6 * 7"));

        var (exit, _, stderr) = _scratch.Run(input);

        Assert.True(exit == Gdnb.Ok, stderr);
        var notebook = _scratch.Executed("stray.ipynb");
        Assert.Equal("no input", NotebookMimeBundle.Text(Assert.IsType<ExecuteResultOutput>(Assert.Single(notebook.Cells[0].Outputs)).Data, "text/plain"));
        Assert.Equal("in cell\n", Assert.IsType<StreamOutput>(Assert.Single(notebook.Cells[1].Outputs)).Text);
        Assert.Equal("42", NotebookMimeBundle.Text(Assert.IsType<ExecuteResultOutput>(Assert.Single(notebook.Cells[2].Outputs)).Data, "text/plain"));
        Assert.Contains("[stray] worker: late line", stderr);
        Assert.Contains("[stray] worker: stdout: raw bytes, no newline", stderr);
    }

    [Fact]
    public void Ctrl_C_on_a_cell_that_ignores_the_interrupt_stops_its_worker_after_the_grace_and_exits_130()
    {
        string input = _scratch.Notebook("spin.ipynb", Code("Console.WriteLine(\"warm\");"), Code("while (true) { }"), Code("1"));
        string next = _scratch.Notebook("spin-next.ipynb", Code("1"));
        using var cancel = new CancellationTokenSource();
        var stderr = new TriggerWriter("[spin] cell 1/3 ok", () => cancel.CancelAfter(TimeSpan.FromMilliseconds(300)));
        var stdout = new StringWriter();
        var clock = new System.Diagnostics.Stopwatch();
        stderr.Triggered += clock.Start;

        int exit = Gdnb.Run(["run", input, next, "--out", _scratch.Out, "--cancel-grace", "1"], stdout, stderr, cancel.Token);
        clock.Stop();

        string err = stderr.ToString();
        Assert.Equal(Gdnb.Interrupted, exit);
        Assert.Contains("[spin] cell 2/3 interrupted after", err);
        Assert.Contains("it ignored the interrupt and its worker process was stopped", err);
        Assert.Contains("spin-next\tnot-run", stdout.ToString());
        // From the first progress line after the warm cell to the end: the 0.3 s wait, the grace and the kill, nowhere near forever.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.3) * 10, clock.Elapsed.ToString());
        var notebook = _scratch.Executed("spin.ipynb");
        Assert.Equal("interrupted", notebook.Metadata["gdnotebooks"]!["status"]!.GetValue<string>());
        Assert.Null(notebook.Cells[2].ExecutionCount);
        Assert.Empty(LiveWorkers());
    }

    /// <summary>A StringWriter that calls back once when a written line contains a marker.</summary>
    private sealed class TriggerWriter(string marker, Action onMarker) : StringWriter
    {
        private bool _fired;

        public event Action? Triggered;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (_fired || value is null || !value.Contains(marker, StringComparison.Ordinal)) return;
            _fired = true;
            Triggered?.Invoke();
            onMarker();
        }
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("bad-json")]
    [InlineData("not-a-notebook")]
    [InlineData("empty-dir")]
    [InlineData("no-args")]
    [InlineData("unknown-option")]
    [InlineData("bad-timeout")]
    [InlineData("bad-param")]
    [InlineData("inplace-dib")]
    [InlineData("same-output")]
    public void Usage_errors_exit_2_before_anything_runs(string problem)
    {
        string good = _scratch.Notebook("good.ipynb", Code("Console.WriteLine(1);"));
        string[] args = problem switch
        {
            "missing" => [good, _scratch.File("nope.ipynb")],
            "bad-json" => [good, _scratch.Notebook("x.ipynb") is var p && Write(p, "{\n  \"cells\": [,\n") ? p : ""],
            "not-a-notebook" => [Write(_scratch.File("notes.txt"), "hi") ? _scratch.File("notes.txt") : ""],
            "empty-dir" => [Directory.CreateDirectory(_scratch.File("empty")).FullName],
            "no-args" => ["--html"],
            "unknown-option" => [good, "--timeout", "3"],
            "bad-timeout" => [good, "--cell-timeout", "0"],
            "bad-param" => [good, "--param", "no-equals"],
            "inplace-dib" => [Write(_scratch.File("a.dib"), "#!csharp\n\n1\n") ? _scratch.File("a.dib") : "", "--inplace"],
            "same-output" => [good, _scratch.Notebook("sub/good.ipynb")],
            _ => throw new ArgumentException(problem),
        };
        var (exit, stdout, stderr) = _scratch.Run(args);
        Assert.Equal(Gdnb.Usage, exit);
        Assert.StartsWith("gdnb run: ", stderr);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(_scratch.Out), "nothing should run or be written");
        if (problem == "bad-json") Assert.Contains("line 2", stderr);
        if (problem == "missing") Assert.Contains("nope.ipynb", stderr);
    }

    [Fact]
    public void Help_lists_the_options_on_stdout()
    {
        var (exit, stdout, _) = _scratch.Run("--help");
        Assert.Equal(Gdnb.Ok, exit);
        foreach (var option in new[] { "--out", "--html", "--param", "--cell-timeout", "--fail-fast", "--inplace" }) Assert.Contains(option, stdout);
    }

    private static bool Write(string path, string text)
    {
        System.IO.File.WriteAllText(path, text);
        return true;
    }
}
