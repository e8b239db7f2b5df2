using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using GdNotebooks.Experiments;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// A progress line that updates in place while an experiment runs: shown at once as a display with its own id, then
/// replaced through <see cref="DisplayUpdated"/> events at most once per <see cref="Interval"/> (so at most 10 a second
/// by default, however often the experiment reports), and finally by <see cref="Finish"/>. Reports may come from any thread.
/// Updates are sent from a dedicated thread: the experiment's own parallel work fills the thread pool, where a timer's
/// ticks could wait for seconds and the bar would jump from "running" to "done".
/// </summary>
public sealed class ProgressDisplay : IProgress<ExperimentProgress>, IDisposable
{
    /// <summary>The default time between updates.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    private readonly IExecutionSink _output;
    private readonly string _title;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private ExperimentProgress? _latest;
    private string? _shown;
    private bool _finished;

    /// <summary>Shows "<paramref name="title"/>: running…" on <paramref name="output"/> and starts the update timer.</summary>
    public ProgressDisplay(IExecutionSink output, string title, TimeSpan? interval = null)
    {
        _output = output;
        _title = title;
        Interval = interval ?? DefaultInterval;
        DisplayId = "gdnb-progress-" + Guid.NewGuid().ToString("N");
        _shown = Text(null, "running…");
        _output.Publish(new DisplayProduced(Bundle(_shown, null, finished: false), DisplayId));
        new Thread(TickUntilFinished) { IsBackground = true, Name = "gdnb progress" }.Start();
    }

    /// <summary>The display id the updates carry.</summary>
    public string DisplayId { get; }

    /// <summary>The least time between two updates.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Records how far the work has got; the next tick shows it. Late reports from parallel workers are dropped.</summary>
    public void Report(ExperimentProgress value)
    {
        lock (_gate)
        {
            if (!value.IsBehind(_latest)) _latest = value;
        }
    }

    /// <summary>Stops the updates and shows the final state, e.g. "done" or "interrupted". Later calls do nothing.</summary>
    public void Finish(string outcome)
    {
        lock (_gate)
        {
            if (_finished) return;
            _finished = true;
            Monitor.PulseAll(_gate);
            var text = Text(_latest, $"{outcome} after {Seconds()}");
            _output.Publish(new DisplayUpdated(Bundle(text, _latest, finished: true), DisplayId));
        }
    }

    /// <summary>Stops the updates; shows "stopped" if <see cref="Finish"/> was not called.</summary>
    public void Dispose() => Finish("stopped");

    private void TickUntilFinished()
    {
        lock (_gate)
        {
            // Waiting releases the gate, so reports and Finish go on between ticks; Finish wakes the wait.
            while (!_finished && !Monitor.Wait(_gate, Interval) && !_finished)
            {
                var text = Text(_latest, Seconds());
                if (text == _shown) continue;
                _shown = text;
                _output.Publish(new DisplayUpdated(Bundle(text, _latest, finished: false), DisplayId));
            }
        }
    }

    private string Seconds() => _clock.Elapsed.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture);

    private string Text(ExperimentProgress? progress, string state) => progress is { } p
        ? string.Create(CultureInfo.InvariantCulture, $"{_title}: {p.Stage} {p.Done}/{p.Total} ({p.Fraction * 100:0}%), {state}")
        : $"{_title}: {state}";

    private static MimeBundle Bundle(string text, ExperimentProgress? progress, bool finished)
    {
        // No value attribute makes an indeterminate bar; a finished run shows a full one.
        var bar = progress is { } p ? $"<progress value=\"{p.Done}\" max=\"{Math.Max(p.Total, 1)}\"></progress>"
            : finished ? "<progress value=\"1\" max=\"1\"></progress>" : "<progress></progress>";
        return new MimeBundle(new Dictionary<string, JsonNode>
        {
            ["text/plain"] = JsonValue.Create(text),
            ["text/html"] = JsonValue.Create($"<div class=\"gdnb-progress\">{bar} <span>{WebUtility.HtmlEncode(text)}</span></div>"),
        });
    }
}
