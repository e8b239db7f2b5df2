using GdNotebooks.Experiments;

namespace GdNotebooks.Cli;

/// <summary>
/// Draws experiment progress as one self-overwriting line on stderr, at most ten times a second.
/// Only when stderr is a terminal: logs and pipes get no carriage-return noise.
/// </summary>
internal sealed class ProgressBar(TextWriter stderr) : IProgress<ExperimentProgress>, IDisposable
{
    private const int Width = 30;
    private readonly object _gate = new();
    private long _lastDrawTicks;
    private ExperimentProgress? _drawn;

    public static ProgressBar? ForConsole(TextWriter stderr) =>
        ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? new ProgressBar(stderr) : null;

    public void Report(ExperimentProgress value)
    {
        lock (_gate)
        {
            long now = Environment.TickCount64;
            if (value.IsBehind(_drawn)) return;
            if (value.Done < value.Total && now - _lastDrawTicks < 100) return;
            _lastDrawTicks = now;
            int filled = (int)Math.Round(value.Fraction * Width);
            stderr.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {value.Done}/{value.Total} {value.Stage}   ");
            _drawn = value;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_drawn is not null) stderr.Write("\r" + new string(' ', Width + 40) + "\r");
        }
    }
}
