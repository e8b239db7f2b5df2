using System.Text.Json;

namespace GdNotebooks.Kernel.Tests.Conformance;

/// <summary>
/// The installed kernel from real Jupyter front ends: the kernelspec is listed, <c>jupyter console</c> runs cells, and
/// <c>jupyter nbconvert --execute</c> runs a notebook with a magic, a display and its updates, console output and errors.
/// Skipped without Debian's Jupyter, except under CI=true.
/// </summary>
public sealed class JupyterFrontEndTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly DirectoryInfo _prefix = Directory.CreateTempSubdirectory("gdnb-frontend-");

    public void Dispose() => _prefix.Delete(recursive: true);

    private Dictionary<string, string> Jupyter() => new()
    {
        ["JUPYTER_PATH"] = Path.Combine(_prefix.FullName, "share", "jupyter"),
        ["JUPYTER_RUNTIME_DIR"] = Path.Combine(_prefix.FullName, "runtime"),
        ["JUPYTER_CONFIG_DIR"] = Path.Combine(_prefix.FullName, "config"),
        ["JUPYTER_DATA_DIR"] = Path.Combine(_prefix.FullName, "data"),
    };

    // What ./gdnb runs: the dotnet host with gdnb.dll.
    private void InstallIntoPrefix()
    {
        var install = Paths.Run("dotnet", [Paths.GdnbDll(), "kernel", "install", "--prefix", _prefix.FullName], null, Timeout);
        Assert.True(install.ExitCode == 0, "kernel install failed:\n" + install.Output);
    }

    private string KernelSpecList(IReadOnlyDictionary<string, string> environment)
    {
        var list = Paths.Run(JupyterFactAttribute.Python, ["-m", "jupyter_client.kernelspecapp", "list"], null, Timeout, environment);
        Assert.True(list.ExitCode == 0, "kernelspec list failed:\n" + list.Output);
        return list.Output;
    }

    [JupyterFact("jupyter-console")]
    public void Installed_with_prefix_or_user_the_kernelspec_is_listed_and_jupyter_console_runs_cells()
    {
        Assert.Null(JupyterFactAttribute.MissingPrerequisite("jupyter-console"));
        InstallIntoPrefix();
        Assert.Matches(@"(?m)^\s*gdnotebooks\s+\S*share/jupyter/kernels/gdnotebooks\s*$", KernelSpecList(Jupyter()));

        // What `dotnet run` runs: the apphost beside gdnb.dll, installing for the user (here a temporary data dir).
        var appHost = Path.ChangeExtension(Paths.GdnbDll(), OperatingSystem.IsWindows() ? ".exe" : null);
        var user = Jupyter();
        user.Remove("JUPYTER_PATH");
        var install = Paths.Run(appHost, ["kernel", "install", "--user"], null, Timeout, user);
        Assert.True(install.ExitCode == 0, "kernel install --user failed:\n" + install.Output);
        var kernelJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(user["JUPYTER_DATA_DIR"], "kernels", "gdnotebooks", "kernel.json")));
        var argv = kernelJson.RootElement.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.True(Path.IsPathRooted(argv[0]) && File.Exists(argv[0]), $"the host {argv[0]} should be an absolute path that exists");
        Assert.Equal([Paths.GdnbDll(), "kernel", "start", "-f", "{connection_file}"], argv.Skip(1));
        Assert.Contains("gdnotebooks", KernelSpecList(user));

        var console = Paths.Run("/usr/bin/jupyter", ["console", "--kernel", "gdnotebooks", "--simple-prompt", "--ZMQTerminalInteractiveShell.kernel_timeout=120"],
            _prefix.FullName, Timeout, Jupyter(), "Console.WriteLine(40 + 2);\n6 * 7\n#!lsmagic\n");
        Assert.True(console.ExitCode == 0, "jupyter console failed:\n" + console.Output);
        Assert.Contains("C# (GdNotebooks)", console.Output);
        Assert.Contains("In [1]: 42", console.Output);
        Assert.Contains("Out[2]: 42", console.Output);
        Assert.Contains("#!descend", console.Output);
    }

    [JupyterFact("jupyter-nbconvert")]
    public void Nbconvert_executes_a_notebook_with_a_magic_displays_console_output_and_errors()
    {
        Assert.Null(JupyterFactAttribute.MissingPrerequisite("jupyter-nbconvert"));
        InstallIntoPrefix();
        var notebook = Path.Combine(_prefix.FullName, "magics-displays-errors.ipynb");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "notebooks", "magics-displays-errors.ipynb"), notebook);

        var run = Paths.Run("/usr/bin/jupyter", ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=gdnotebooks",
            "--ExecutePreprocessor.timeout=120", "--allow-errors", "--output", "executed.ipynb", notebook], _prefix.FullName, Timeout, Jupyter());
        Assert.True(run.ExitCode == 0, "nbconvert failed:\n" + run.Output);

        using var executed = JsonDocument.Parse(File.ReadAllText(Path.Combine(_prefix.FullName, "executed.ipynb")));
        var cells = executed.RootElement.GetProperty("cells").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("outputs").EnumerateArray().ToList());

        // The magic: its progress display ends "done", then the chart, then the summary and table.
        var magic = cells["magic"];
        Assert.All(magic, o => Assert.Equal("display_data", Text(o, "output_type")));
        Assert.StartsWith("#!descend: done after", Joined(magic[0].GetProperty("data").GetProperty("text/plain")));
        var chart = magic[1].GetProperty("data").GetProperty("application/vnd.plotly.v1+json");
        Assert.Equal(6, chart.GetProperty("data")[0].GetProperty("y").GetArrayLength());
        Assert.Contains("<table class=\"gdnb-table\">", Joined(magic[2].GetProperty("data").GetProperty("text/html")));

        // display(...) then three Updates: the one output shows the last value.
        var shown = Assert.Single(cells["display-update"]);
        Assert.Equal("step 3 of 3", Joined(shown.GetProperty("data").GetProperty("text/plain")));

        var streams = cells["console"];
        Assert.Contains(streams, o => Text(o, "name") == "stdout" && Joined(o.GetProperty("text")) == "hello from the kernel\n");
        Assert.Contains(streams, o => Text(o, "name") == "stderr" && Joined(o.GetProperty("text")) == "a warning\n");

        var error = Assert.Single(cells["error"]);
        Assert.Equal(("error", "InvalidOperationException", "boom"), (Text(error, "output_type"), Text(error, "ename"), Text(error, "evalue")));

        var usage = Assert.Single(cells["usage-error"]);
        Assert.Equal(("error", "UsageError", "--lr: 'fast' is not a number"), (Text(usage, "output_type"), Text(usage, "ename"), Text(usage, "evalue")));

        var result = Assert.Single(cells["after-errors"]);
        Assert.Equal("42", Joined(result.GetProperty("data").GetProperty("text/plain")));
    }

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    // nbformat stores multi-line text as a list of lines or as one string.
    private static string Joined(JsonElement text) =>
        text.ValueKind == JsonValueKind.Array ? string.Concat(text.EnumerateArray().Select(l => l.GetString())) : text.GetString()!;
}
