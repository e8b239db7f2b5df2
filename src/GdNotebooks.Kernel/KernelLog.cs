namespace GdNotebooks.Kernel;

/// <summary>
/// The kernel's own diagnostics, written to the process's real standard error (captured before cells
/// redirect <see cref="Console.Error"/>), so they reach the terminal that launched the kernel, never a notebook.
/// </summary>
public static class KernelLog
{
    private static readonly TextWriter Target = TextWriter.Synchronized(
        new StreamWriter(Console.OpenStandardError()) { AutoFlush = true });

    /// <summary>When true, <see cref="Debug"/> lines are written too.</summary>
    public static bool Verbose { get; set; }

    /// <summary>Something a user or operator should see: a dropped message, a refused option.</summary>
    public static void Warn(string message) => Target.WriteLine($"[gdnb kernel] {message}");

    /// <summary>Tracing shown only with <see cref="Verbose"/>, stamped with milliseconds since the process started (for startup timing).</summary>
    public static void Debug(string message)
    {
        if (Verbose) Target.WriteLine($"[gdnb kernel +{SinceStart():0} ms] {message}");
    }

    private static double SinceStart()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return (DateTime.Now - process.StartTime).TotalMilliseconds;
    }
}
