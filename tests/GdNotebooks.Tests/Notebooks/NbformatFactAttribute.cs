using System.Diagnostics;

namespace GdNotebooks.Tests.Notebooks;

/// <summary>
/// A fact that needs Debian's python3-nbformat (<c>/usr/bin/python3 -c "import nbformat"</c>). Skipped where it is
/// missing — except when the environment variable CI is "true", where the test runs and fails, so CI cannot pass
/// without checking our notebooks against Jupyter's own validator.
/// </summary>
public sealed class NbformatFactAttribute : FactAttribute
{
    /// <summary>Debian's interpreter by path (the python3 first on PATH may lack nbformat); GDNB_PYTHON overrides it.</summary>
    public static string Python { get; } = Environment.GetEnvironmentVariable("GDNB_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    private static readonly Lazy<bool> Available = new(() => Run("import nbformat", []).ExitCode == 0);

    public NbformatFactAttribute()
    {
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ci && !Available.Value) Skip = $"needs python3-nbformat ({Python} -c \"import nbformat\" failed); set CI=true to make this an error";
    }

    /// <summary>Runs <c>/usr/bin/python3 -c SCRIPT ARGS…</c> with UTF-8 I/O; a missing interpreter is exit code -1.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string script, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", e.Message);
        }
    }
}
