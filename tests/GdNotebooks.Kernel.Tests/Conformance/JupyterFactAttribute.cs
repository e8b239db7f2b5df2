using System.Diagnostics;

namespace GdNotebooks.Kernel.Tests.Conformance;

/// <summary>
/// A fact that needs Debian's Jupyter (python3 with jupyter_client and jupyter_kernel_test) and libzmq. Skipped
/// where they are missing, except under CI=true, where missing prerequisites make the test run and fail.
/// </summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    /// <param name="commands">Jupyter commands the test also runs, such as <c>jupyter-console</c>; each must be in /usr/bin.</param>
    public JupyterFactAttribute(params string[] commands)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) return;
        if (MissingPrerequisite(commands) is { } missing) Skip = $"{missing} (install: apt-get install libzmq5 python3-jupyter-kernel-test jupyter-client jupyter-console jupyter-nbconvert python3-nbclient); set CI=true to make this a failure";
    }

    /// <summary>What is missing, or null when the Jupyter tests can run.</summary>
    public static string? MissingPrerequisite(params string[] commands)
    {
        if (!File.Exists(Python)) return $"{Python} not found";
        foreach (var command in commands)
            if (!File.Exists(Path.Combine("/usr/bin", command))) return $"/usr/bin/{command} not found";
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import jupyter_client, jupyter_kernel_test, zmq"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            if (!probe.WaitForExit(30_000)) return "python3 did not answer";
            if (probe.ExitCode != 0) return "python3 cannot import jupyter_client / jupyter_kernel_test / zmq";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"cannot run {Python}: {e.Message}";
        }
        return null;
    }
}
