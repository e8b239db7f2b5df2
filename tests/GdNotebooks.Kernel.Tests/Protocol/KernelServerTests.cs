using System.Text;
using System.Text.Json;
using GdNotebooks.Kernel.Protocol;
using GdNotebooks.Kernel.Protocol.Messages;
using GdNotebooks.Kernel.Transport;

namespace GdNotebooks.Kernel.Tests.Protocol;

public sealed class KernelServerTests : IDisposable
{
    private readonly FrontEnd _frontEnd = new();

    public void Dispose() => _frontEnd.Dispose();

    [Fact]
    public void Kernel_info_reply_goes_back_to_the_sender_between_busy_and_idle()
    {
        var request = _frontEnd.SendShell(MessageTypes.KernelInfoRequest, new { });
        var reply = _frontEnd.NextShell();
        Assert.Equal(MessageTypes.KernelInfoReply, reply.MessageType);
        Assert.Equal(request.Header.MessageId, reply.ParentHeader?.MessageId);
        Assert.Equal(FrontEnd.Identity, Assert.Single(reply.Identities));
        Assert.Equal("csharp", reply.Content.GetProperty("language_info").GetProperty("name").GetString());
        Assert.Equal("5.3", reply.Content.GetProperty("protocol_version").GetString());

        var states = _frontEnd.IoPubUntilIdle(request).Select(m => FrontEnd.Text(m.Content, "execution_state"));
        Assert.Equal(["busy", "idle"], states);
    }

    [Fact]
    public void Execute_publishes_busy_input_outputs_result_idle_in_order()
    {
        var request = _frontEnd.SendShell(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "Console.WriteLine(\"hi\"); 1 + 1" });
        var reply = _frontEnd.NextShell();
        Assert.Equal("ok", FrontEnd.Text(reply.Content, "status"));
        Assert.Equal(1, reply.Content.GetProperty("execution_count").GetInt32());

        var iopub = _frontEnd.IoPubUntilIdle(request);
        Assert.Equal(["status", "execute_input", "stream", "execute_result", "status"], iopub.Select(m => m.MessageType));
        Assert.Equal("busy", FrontEnd.Text(iopub[0].Content, "execution_state"));
        Assert.Equal("hi\n", FrontEnd.Text(iopub[2].Content, "text"));
        Assert.Equal("2", iopub[3].Content.GetProperty("data").GetProperty("text/plain").GetString());
        Assert.Equal(1, iopub[3].Content.GetProperty("execution_count").GetInt32());
    }

    [Fact]
    public void Display_and_update_carry_the_display_id_in_transient()
    {
        var request = _frontEnd.SendShell(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "var h = display(1); h.Update(2); ClearOutput(true);" });
        _frontEnd.NextShell();
        var iopub = _frontEnd.IoPubUntilIdle(request);
        var shown = Assert.Single(iopub, m => m.MessageType == MessageTypes.DisplayData);
        var updated = Assert.Single(iopub, m => m.MessageType == MessageTypes.UpdateDisplayData);
        Assert.Equal(
            shown.Content.GetProperty("transient").GetProperty("display_id").GetString(),
            updated.Content.GetProperty("transient").GetProperty("display_id").GetString());
        Assert.True(Assert.Single(iopub, m => m.MessageType == MessageTypes.ClearOutput).Content.GetProperty("wait").GetBoolean());
    }

    [Fact]
    public void Errors_are_published_and_replied_and_queued_cells_are_aborted()
    {
        var failing = _frontEnd.SendShell(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "await Task.Delay(300); throw new ArgumentException(\"bad lr\");" });
        var queued = _frontEnd.SendShell(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "1" });
        var reply = _frontEnd.NextShell();
        Assert.Equal("error", FrontEnd.Text(reply.Content, "status"));
        Assert.Equal("ArgumentException", FrontEnd.Text(reply.Content, "ename"));
        var error = Assert.Single(_frontEnd.IoPubUntilIdle(failing), m => m.MessageType == MessageTypes.Error);
        Assert.Equal("bad lr", FrontEnd.Text(error.Content, "evalue"));

        var aborted = _frontEnd.NextShell();
        Assert.Equal(queued.Header.MessageId, aborted.ParentHeader?.MessageId);
        Assert.Equal("aborted", FrontEnd.Text(aborted.Content, "status"));
    }

    [Fact]
    public void A_cell_sent_after_the_failed_cells_reply_runs_and_is_not_aborted()
    {
        // The front end sends its next cell the moment the error reply leaves the kernel (as a fast client does after
        // an interrupt), before the kernel could look for requests queued behind the failed cell.
        JupyterMessage? next = null;
        FrontEnd? frontEnd = null;
        using var fastClient = frontEnd = new FrontEnd(kernelSide: transport => new ShellSendHook(transport, frames =>
        {
            if (next is null && Encoding.UTF8.GetString(frames[^1]).Contains("\"ename\""))
                next = frontEnd!.SendShell(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "\"still here\"" });
        }));
        frontEnd.SendShell(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "throw new InvalidOperationException(\"stop\");" });
        Assert.Equal("error", FrontEnd.Text(frontEnd.NextShell().Content, "status"));

        var reply = frontEnd.NextShell();
        Assert.NotNull(next);
        Assert.Equal(next.Header.MessageId, reply.ParentHeader?.MessageId);
        Assert.Equal("ok", FrontEnd.Text(reply.Content, "status"));
        var result = Assert.Single(frontEnd.IoPubUntilIdle(next), m => m.MessageType == MessageTypes.ExecuteResult);
        Assert.Equal("still here", result.Content.GetProperty("data").GetProperty("text/plain").GetString());
    }

    /// <summary>The in-memory transport, calling <c>afterSend</c> with every shell message the kernel sends.</summary>
    private sealed class ShellSendHook(InMemoryKernelTransport inner, Action<IReadOnlyList<byte[]>> afterSend) : IKernelTransport, IMessageSocket
    {
        public IMessageSocket Shell => this;
        public IMessageSocket Control => inner.Control;
        public IMessageSocket Stdin => inner.Stdin;
        public IMessageSocket IoPub => inner.IoPub;

        public void Send(IReadOnlyList<byte[]> frames)
        {
            inner.Shell.Send(frames);
            afterSend(frames);
        }

        public bool TryReceive(TimeSpan timeout, out IReadOnlyList<byte[]> frames) => inner.Shell.TryReceive(timeout, out frames);

        public void Dispose() { }
    }

    [Fact]
    public void Forged_and_missing_signatures_are_ignored()
    {
        var forged = _frontEnd.Frames(_frontEnd.Request(MessageTypes.KernelInfoRequest, new { })).ToList();
        var delimiter = forged.FindIndex(f => f.AsSpan().SequenceEqual(WireCodec.Delimiter));
        forged[delimiter + 1] = FrontEnd.Utf8(new string('0', 64));
        _frontEnd.Transport.ShellChannel.ClientEnd.Send(forged);

        var unsigned = forged.ToList();
        unsigned[delimiter + 1] = [];
        _frontEnd.Transport.ShellChannel.ClientEnd.Send(unsigned);

        Assert.True(_frontEnd.NothingOn(_frontEnd.Transport.ShellChannel.ClientEnd, TimeSpan.FromMilliseconds(500)));
        Assert.True(_frontEnd.NothingOn(_frontEnd.Transport.IoPubChannel.ClientEnd, TimeSpan.FromMilliseconds(100)));

        _frontEnd.SendShell(MessageTypes.KernelInfoRequest, new { });
        Assert.Equal(MessageTypes.KernelInfoReply, _frontEnd.NextShell().MessageType);
    }

    [Fact]
    public void A_replayed_message_is_executed_once()
    {
        var frames = _frontEnd.Frames(_frontEnd.Request(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "1" }));
        _frontEnd.Transport.ShellChannel.ClientEnd.Send(frames);
        _frontEnd.Transport.ShellChannel.ClientEnd.Send(frames);
        Assert.Equal(MessageTypes.ExecuteReply, _frontEnd.NextShell().MessageType);
        Assert.True(_frontEnd.NothingOn(_frontEnd.Transport.ShellChannel.ClientEnd, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public void Truncated_and_non_json_messages_are_dropped_and_the_kernel_carries_on()
    {
        var good = _frontEnd.Frames(_frontEnd.Request(MessageTypes.KernelInfoRequest, new { })).ToList();
        _frontEnd.Transport.ShellChannel.ClientEnd.Send(good.Take(good.Count - 2).ToList());
        _frontEnd.Transport.ShellChannel.ClientEnd.Send([FrontEnd.Utf8("no delimiter at all")]);

        var signer = new MessageSigner(FrontEnd.Key);
        byte[][] parts = [FrontEnd.Utf8("{not json"), FrontEnd.Utf8("{}"), FrontEnd.Utf8("{}"), FrontEnd.Utf8("{}")];
        _frontEnd.Transport.ShellChannel.ClientEnd.Send([WireCodec.Delimiter, FrontEnd.Utf8(signer.Sign(parts)), .. parts]);

        Assert.True(_frontEnd.NothingOn(_frontEnd.Transport.ShellChannel.ClientEnd, TimeSpan.FromMilliseconds(300)));
        _frontEnd.SendShell(MessageTypes.KernelInfoRequest, new { });
        Assert.Equal(MessageTypes.KernelInfoReply, _frontEnd.NextShell().MessageType);
    }

    [Fact]
    public void Interrupt_on_control_stops_a_running_cell()
    {
        _frontEnd.SendShell(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "Console.WriteLine(\"looping\"); while (true) { CancellationToken.ThrowIfCancellationRequested(); Thread.Sleep(5); }" });
        WaitForStream(_frontEnd); // an interrupt sent before the cell runs would find nothing to stop
        var info = _frontEnd.SendControl(MessageTypes.KernelInfoRequest, new { });
        Assert.Equal(info.Header.MessageId, _frontEnd.NextControl().ParentHeader?.MessageId);

        _frontEnd.SendControl(MessageTypes.InterruptRequest, new { });
        Assert.Equal(MessageTypes.InterruptReply, _frontEnd.NextControl().MessageType);
        var reply = _frontEnd.NextShell(TimeSpan.FromSeconds(10));
        Assert.Equal("error", FrontEnd.Text(reply.Content, "status"));
        Assert.Equal("OperationCanceledException", FrontEnd.Text(reply.Content, "ename"));
    }

    [Fact]
    public void A_cell_that_ignores_the_interrupt_is_told_to_restart_the_kernel()
    {
        // Spins without looking at the token for 3 s, then ends by itself so the test leaves no busy thread behind.
        using var frontEnd = new FrontEnd(options: new KernelServerOptions { IgnoredInterruptNotice = TimeSpan.FromMilliseconds(300) });
        var request = frontEnd.SendShell(MessageTypes.ExecuteRequest, new ExecuteRequest
        {
            Code = "var until = DateTime.UtcNow.AddSeconds(3); Console.WriteLine(\"spinning\"); while (DateTime.UtcNow < until) { } \"finished\"",
        });
        // Interrupt only once the loop runs: an interrupt during compilation would stop the cell before it starts.
        WaitForStream(frontEnd);
        frontEnd.SendControl(MessageTypes.InterruptRequest, new { });
        Assert.Equal(MessageTypes.InterruptReply, frontEnd.NextControl().MessageType);

        var notice = frontEnd.NextIoPub(TimeSpan.FromSeconds(10));
        while (notice.MessageType == MessageTypes.Status) notice = frontEnd.NextIoPub(TimeSpan.FromSeconds(10)); // the interrupt's busy/idle
        Assert.Equal(MessageTypes.Stream, notice.MessageType);
        Assert.Equal(request.Header.MessageId, notice.ParentHeader?.MessageId);
        Assert.Equal("stderr", FrontEnd.Text(notice.Content, "name"));
        Assert.Contains("ignores cancellation", FrontEnd.Text(notice.Content, "text"));
        Assert.Contains("Restart the kernel", FrontEnd.Text(notice.Content, "text"));

        // The kernel is still whole: the cell ends by itself and the next one runs.
        Assert.Equal(MessageTypes.ExecuteReply, frontEnd.NextShell(TimeSpan.FromSeconds(20)).MessageType);
        frontEnd.SendShell(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "1 + 1" });
        Assert.Equal("ok", FrontEnd.Text(frontEnd.NextShell(TimeSpan.FromSeconds(20)).Content, "status"));
    }

    [Fact]
    public void A_cell_that_stops_on_interrupt_gets_no_restart_notice()
    {
        using var frontEnd = new FrontEnd(options: new KernelServerOptions { IgnoredInterruptNotice = TimeSpan.FromMilliseconds(300) });
        var request = frontEnd.SendShell(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "Console.WriteLine(\"waiting\"); await Task.Delay(-1, CancellationToken);" });
        WaitForStream(frontEnd);
        frontEnd.SendControl(MessageTypes.InterruptRequest, new { });
        frontEnd.NextShell(TimeSpan.FromSeconds(10));
        Thread.Sleep(600);
        var texts = frontEnd.IoPubUntilIdle(request).Where(m => m.MessageType == MessageTypes.Stream).Select(m => FrontEnd.Text(m.Content, "text"));
        Assert.DoesNotContain(texts, t => t.Contains("Restart the kernel"));
    }

    [Fact]
    public async Task Shutdown_replies_with_the_restart_flag_and_ends_the_loop()
    {
        _frontEnd.SendControl(MessageTypes.ShutdownRequest, new ShutdownRequest(Restart: true));
        var reply = _frontEnd.NextControl();
        Assert.Equal(MessageTypes.ShutdownReply, reply.MessageType);
        Assert.True(reply.Content.GetProperty("restart").GetBoolean());
        var ended = await Task.WhenAny(_frontEnd.Serving, Task.Delay(TimeSpan.FromSeconds(5)));
        Assert.True(ended == _frontEnd.Serving, "Run did not return after shutdown");
        Assert.True(_frontEnd.Server.RestartRequested);
    }

    [Fact]
    public void Complete_inspect_and_is_complete_answer_on_shell()
    {
        _frontEnd.SendShell(MessageTypes.CompleteRequest, new CompleteRequest("Math.Sq", 7));
        var complete = _frontEnd.NextShell();
        Assert.Contains("Sqrt", complete.Content.GetProperty("matches").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(5, complete.Content.GetProperty("cursor_start").GetInt32());

        _frontEnd.SendShell(MessageTypes.InspectRequest, new InspectRequest("Math.Sqrt", 9));
        var inspect = _frontEnd.NextShell();
        Assert.True(inspect.Content.GetProperty("found").GetBoolean());

        _frontEnd.SendShell(MessageTypes.IsCompleteRequest, new IsCompleteRequest("for (;;) {"));
        var isComplete = _frontEnd.NextShell();
        Assert.Equal("incomplete", FrontEnd.Text(isComplete.Content, "status"));
        Assert.Equal("    ", FrontEnd.Text(isComplete.Content, "indent"));
    }

    [Fact]
    public void History_and_comm_info_answer()
    {
        _frontEnd.SendShell(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "40 + 2" });
        _frontEnd.NextShell();
        _frontEnd.SendShell(MessageTypes.HistoryRequest, new HistoryRequest { AccessType = "tail", Count = 5, Output = true });
        var history = _frontEnd.NextShell().Content.GetProperty("history");
        var entry = Assert.Single(history.EnumerateArray());
        Assert.Equal("40 + 2", entry[2][0].GetString());
        Assert.Equal("42", entry[2][1].GetString());

        _frontEnd.SendShell(MessageTypes.CommInfoRequest, new { });
        var comms = _frontEnd.NextShell();
        Assert.Equal(JsonValueKind.Object, comms.Content.GetProperty("comms").ValueKind);
    }

    /// <summary>Reads iopub until the running cell's first console output: from then on the cell is surely running.</summary>
    private static void WaitForStream(FrontEnd frontEnd)
    {
        while (frontEnd.NextIoPub().MessageType != MessageTypes.Stream) { }
    }
}
