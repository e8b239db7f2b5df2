using System.Diagnostics;
using System.Text;

namespace GdNotebooks.Kernel.Tests.Conformance;

/// <summary>Finds the built gdnb and runs processes for the real-ZeroMQ tests.</summary>
internal static class Paths
{
    /// <summary>The repository root (the folder holding GdNotebooks.sln).</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "GdNotebooks.sln"))) return directory.FullName;
        throw new InvalidOperationException("GdNotebooks.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>gdnb.dll built in the same configuration as these tests (the test project references the CLI, so it is built first).</summary>
    public static string GdnbDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;   // bin/<Configuration>/net10.0/
        var framework = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var path = Path.Combine(RepositoryRoot(), "src", "GdNotebooks.Cli", "bin", configuration, framework, "gdnb.dll");
        Assert.True(File.Exists(path), $"{path} not built");
        return path;
    }

    /// <summary>Runs a process to completion (or kills it at the timeout) and returns its exit code and combined output.</summary>
    /// <param name="input">Text written to the process's standard input, which is then closed; null leaves stdin alone.</param>
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, string? workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, string? input = null)
    {
        var start = new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            lock (output) output.AppendLine($"(killed after {timeout})");
        }
        process.WaitForExit();
        lock (output) return (process.HasExited ? process.ExitCode : -1, output.ToString());
    }
}
