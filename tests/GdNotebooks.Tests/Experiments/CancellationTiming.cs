using System.Diagnostics;

namespace GdNotebooks.Tests.Experiments;

/// <summary>
/// How long work takes to stop once cancelled, measured from the moment of cancellation (not from the start, which
/// includes set-up whose length depends on how busy the machine is).
/// </summary>
internal static class CancellationTiming
{
    public static TimeSpan StopDelay(Action<CancellationToken> work, TimeSpan cancelAfter)
    {
        using var cancel = new CancellationTokenSource();
        var task = Task.Run(() => work(cancel.Token));
        Thread.Sleep(cancelAfter);
        Assert.False(task.IsCompleted, "the work finished before it could be cancelled; give it more to do");
        var clock = Stopwatch.StartNew();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => task.GetAwaiter().GetResult());
        return clock.Elapsed;
    }
}
