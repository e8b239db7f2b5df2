using System.Collections.Concurrent;
using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Kernel.Tests.Execution;

/// <summary>Keeps every event, with the time it arrived.</summary>
internal sealed class RecordingSink : IExecutionSink
{
    private readonly ConcurrentQueue<(ExecutionEvent Event, DateTime At)> _events = new();

    public void Publish(ExecutionEvent executionEvent) => _events.Enqueue((executionEvent, DateTime.UtcNow));

    public IReadOnlyList<ExecutionEvent> Events => _events.Select(e => e.Event).ToList();

    public IReadOnlyList<(ExecutionEvent Event, DateTime At)> Timed => _events.ToList();

    public string StandardOutput => string.Concat(Events.OfType<StreamText>().Where(s => s.Stream == OutputStream.StandardOutput).Select(s => s.Text));

    public T Single<T>() where T : ExecutionEvent => Assert.Single(Events.OfType<T>());
}
