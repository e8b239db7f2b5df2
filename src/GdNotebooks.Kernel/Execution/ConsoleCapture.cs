using System.Text;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// Replaces <see cref="Console.Out"/> and <see cref="Console.Error"/> (once per process) with writers that send
/// text to the cell running in the writer's async flow, or to the original console when no cell runs.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly object Gate = new();
    private static bool _installed;

    /// <summary>The process's standard output before capture.</summary>
    public static TextWriter OriginalOut { get; private set; } = Console.Out;

    /// <summary>The process's standard error before capture.</summary>
    public static TextWriter OriginalError { get; private set; } = Console.Error;

    /// <summary>Installs the routing writers; later calls do nothing.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            OriginalOut = Console.Out;
            OriginalError = Console.Error;
            Console.SetOut(new CellWriter(OutputStream.StandardOutput, OriginalOut));
            Console.SetError(new CellWriter(OutputStream.StandardError, OriginalError));
            _installed = true;
        }
    }

    private sealed class CellWriter(OutputStream stream, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (CellContext.Current is { } cell) cell.Write(stream, value);
            else fallback.Write(value);
        }

        public override void Flush()
        {
            if (CellContext.Current is { } cell) cell.Flush();
            else fallback.Flush();
        }
    }
}
