using GdNotebooks.Experiments;
using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Kernel.Tests.Execution;

public sealed class ProgressDisplayTests
{
    [Fact]
    public async Task Updates_are_throttled_share_the_display_id_and_end_with_the_final_state()
    {
        var sink = new RecordingSink();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var display = new ProgressDisplay(sink, "#!lr-sweep");
        var until = DateTime.UtcNow.AddMilliseconds(600);
        for (long i = 0; DateTime.UtcNow < until; i++)
        {
            display.Report(new ExperimentProgress("learning rates", i, 1_000_000_000));
            if (i % 1000 == 0) await Task.Yield();
        }
        display.Report(new ExperimentProgress("learning rates", 25, 25));
        display.Finish("done");
        var elapsed = clock.Elapsed;
        display.Report(new ExperimentProgress("learning rates", 1, 25));
        await Task.Delay(250);

        var shown = sink.Single<DisplayProduced>();
        Assert.Equal(display.DisplayId, shown.DisplayId);
        var updates = sink.Events.OfType<DisplayUpdated>().ToList();
        Assert.All(updates, u => Assert.Equal(display.DisplayId, u.DisplayId));
        // At most one tick per interval over however long the reporting took on this machine (≥ 0.6 s), plus the final one.
        Assert.InRange(updates.Count, 2, (int)(elapsed / ProgressDisplay.DefaultInterval) + 1);
        Assert.StartsWith("#!lr-sweep: learning rates 25/25 (100%), done after", updates[^1].Bundle.PlainTextValue);
        Assert.Contains("<progress value=\"25\" max=\"25\">", updates[^1].Bundle.Data["text/html"].GetValue<string>());
    }

    [Fact]
    public void A_late_report_from_a_parallel_worker_does_not_move_the_bar_back()
    {
        // Workers count with Interlocked.Increment and report outside any lock, so 6/6 can arrive before 2/6.
        var sink = new RecordingSink();
        var display = new ProgressDisplay(sink, "#!lr-sweep", TimeSpan.FromHours(1));
        display.Report(new ExperimentProgress("learning rates", 6, 6));
        display.Report(new ExperimentProgress("learning rates", 2, 6));
        display.Finish("done");
        Assert.StartsWith("#!lr-sweep: learning rates 6/6 (100%), done", sink.Events.OfType<DisplayUpdated>().Last().Bundle.PlainTextValue);
    }

    [Fact]
    public void A_new_stage_may_start_from_zero()
    {
        var sink = new RecordingSink();
        var display = new ProgressDisplay(sink, "#!sharpness", TimeSpan.FromHours(1));
        display.Report(new ExperimentProgress("training", 6, 6));
        display.Report(new ExperimentProgress("hessian", 1, 4));
        display.Finish("done");
        Assert.StartsWith("#!sharpness: hessian 1/4 (25%), done", sink.Events.OfType<DisplayUpdated>().Last().Bundle.PlainTextValue);
    }
}
