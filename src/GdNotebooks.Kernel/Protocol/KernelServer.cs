using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using GdNotebooks.Kernel.Execution;
using GdNotebooks.Kernel.Protocol.Messages;
using GdNotebooks.Kernel.Transport;

namespace GdNotebooks.Kernel.Protocol;

/// <summary>
/// The Jupyter protocol loop: reads shell requests on the calling thread and control requests on a thread of
/// their own (so interrupt and shutdown work while a cell runs), wraps each in busy/idle status on iopub, and
/// dispatches by <c>msg_type</c> through one table. Messages that fail the codec's checks are dropped and logged.
/// </summary>
public sealed class KernelServer
{
    private readonly IKernelTransport _transport;
    private readonly WireCodec _codec;
    private readonly ExecutionEngine _engine;
    private readonly KernelServerOptions _options;
    private readonly MessageSession _session = new();
    private readonly IoPubPublisher _iopub;
    private readonly ExecutionHistory _history = new();
    private readonly Dictionary<string, Action<Request>> _handlers;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _cellGate = new();
    private RunningCell? _runningCell;
    private int _executionCount;

    /// <summary>The cell being executed: how to cancel it and where its outputs go.</summary>
    private sealed record RunningCell(CancellationTokenSource Cancel, IExecutionSink Sink);

    /// <summary>A request being handled and the socket its reply goes to.</summary>
    private readonly record struct Request(JupyterMessage Message, IMessageSocket Socket, bool OnControl);

    public KernelServer(IKernelTransport transport, WireCodec codec, ExecutionEngine engine, KernelServerOptions? options = null)
    {
        _transport = transport;
        _codec = codec;
        _engine = engine;
        _options = options ?? new KernelServerOptions();
        _iopub = new IoPubPublisher(transport.IoPub, codec, _session);
        _handlers = new(StringComparer.Ordinal)
        {
            [MessageTypes.KernelInfoRequest] = KernelInfo,
            [MessageTypes.ExecuteRequest] = Execute,
            [MessageTypes.IsCompleteRequest] = IsComplete,
            [MessageTypes.CompleteRequest] = Complete,
            [MessageTypes.InspectRequest] = Inspect,
            [MessageTypes.HistoryRequest] = History,
            [MessageTypes.CommInfoRequest] = r => Reply(r, MessageTypes.CommInfoReply, new CommInfoReply()),
            [MessageTypes.CommOpen] = CommOpen,
            [MessageTypes.CommMsg] = _ => { },
            [MessageTypes.CommClose] = _ => { },
            [MessageTypes.ShutdownRequest] = Shutdown,
            [MessageTypes.InterruptRequest] = r => { Interrupt(); Reply(r, MessageTypes.InterruptReply, new InterruptReply()); },
        };
    }

    /// <summary>True once a shutdown_request asked for a restart.</summary>
    public bool RestartRequested { get; private set; }

    /// <summary>Serves until a shutdown_request arrives or <paramref name="cancellationToken"/> fires.</summary>
    public void Run(CancellationToken cancellationToken = default)
    {
        using var link = cancellationToken.Register(Stop);
        var control = new Thread(() => Serve(_transport.Control, onControl: true)) { IsBackground = true, Name = "jupyter control" };
        control.Start();
        _iopub.Status("starting", null);
        Serve(_transport.Shell, onControl: false);
        control.Join(TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// Cancels the running cell, if any (interrupt_request, or SIGINT). A cell still running
    /// <see cref="KernelServerOptions.IgnoredInterruptNotice"/> later ignores cancellation (a loop that never looks at
    /// the token); nothing inside the process can stop it, so the cell is told to restart the kernel.
    /// </summary>
    public void Interrupt()
    {
        RunningCell? cell;
        lock (_cellGate) cell = _runningCell;
        if (cell is null) return;
        cell.Cancel.Cancel();
        // A dedicated thread: a cell that ignores cancellation may also be starving the thread pool.
        new Thread(() => NoticeIgnoredInterrupt(cell)) { IsBackground = true, Name = "interrupt watch" }.Start();
    }

    private void NoticeIgnoredInterrupt(RunningCell cell)
    {
        Thread.Sleep(_options.IgnoredInterruptNotice);
        lock (_cellGate)
        {
            if (_runningCell != cell) return;
            double seconds = _options.IgnoredInterruptNotice.TotalSeconds;
            cell.Sink.Publish(new StreamText(OutputStream.StandardError,
                $"This cell is still running {seconds:0.#} s after the interrupt: it ignores cancellation, and nothing inside the kernel can stop it. "
                + "Restart the kernel to stop it (Jupyter: Kernel > Restart; VS Code: Restart). Variables are lost on restart. "
                + "To make long loops interruptible, check CancellationToken in them (CancellationToken.ThrowIfCancellationRequested()).\n"));
        }
        KernelLog.Warn("a cell ignored the interrupt; a restart is needed to stop it");
    }

    /// <summary>Makes <see cref="Run"/> return after the request in hand; interrupts the running cell.</summary>
    public void Stop()
    {
        _stopping.Cancel();
        Interrupt();
    }

    private void Serve(IMessageSocket socket, bool onControl)
    {
        while (!_stopping.IsCancellationRequested)
        {
            IReadOnlyList<byte[]> frames;
            try
            {
                if (!socket.TryReceive(_options.PollInterval, out frames)) continue;
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                KernelLog.Warn($"{(onControl ? "control" : "shell")} channel failed: {e.Message}");
                Stop();
                return;
            }
            Handle(frames, socket, onControl);
        }
    }

    private void Handle(IReadOnlyList<byte[]> frames, IMessageSocket socket, bool onControl)
    {
        JupyterMessage message;
        try { message = _codec.Decode(frames); }
        catch (MessageRejectedException e)
        {
            KernelLog.Warn($"dropped a message on {(onControl ? "control" : "shell")}: {e.Message}");
            return;
        }
        Dispatch(new Request(message, socket, onControl));
    }

    /// <summary>Runs the request's handler between busy and idle status; unknown and misplaced requests are logged and ignored.</summary>
    private void Dispatch(Request request)
    {
        var (message, onControl) = (request.Message, request.OnControl);
        if (!_handlers.TryGetValue(message.MessageType, out var handler))
        {
            KernelLog.Warn($"ignored unknown message type '{message.MessageType}'");
            return;
        }
        if (onControl && message.MessageType == MessageTypes.ExecuteRequest)
        {
            KernelLog.Warn("ignored execute_request on the control channel");
            return;
        }
        if (KernelLog.Verbose) KernelLog.Debug($"{message.MessageType} received on {(onControl ? "control" : "shell")}");
        _iopub.Status("busy", message.Header);
        try { handler(request); }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            KernelLog.Warn($"could not handle {message.MessageType}: {e.Message}");
        }
        finally
        {
            _iopub.Status("idle", message.Header);
            if (KernelLog.Verbose) KernelLog.Debug($"{message.MessageType} done");
        }
    }

    private void Reply(Request request, string type, object content)
    {
        var frames = _codec.Encode(_session.Create(type, content, request.Message.Header, request.Message.Identities));
        try { request.Socket.Send(frames); }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { KernelLog.Warn($"could not send {type}: {e.Message}"); }
    }

    private void KernelInfo(Request request) => Reply(request, MessageTypes.KernelInfoReply, new KernelInfoReply
    {
        ImplementationVersion = typeof(KernelServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0",
        LanguageInfo = new LanguageInfo { Version = Microsoft.CodeAnalysis.CSharp.LanguageVersionFacts.ToDisplayString(Microsoft.CodeAnalysis.CSharp.LanguageVersionFacts.MapSpecifiedToEffectiveVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest)) },
        Banner = _options.Banner,
        HelpLinks = [new HelpLink("C# documentation", "https://learn.microsoft.com/dotnet/csharp/")],
    });

    private void Execute(Request request)
    {
        var content = request.Message.ContentAs<ExecuteRequest>();
        if (!content.Silent && content.StoreHistory) _executionCount++;
        var count = _executionCount;
        if (!content.Silent) _iopub.Publish(MessageTypes.ExecuteInput, new ExecuteInputContent(content.Code, count), request.Message.Header);

        var sink = new JupyterExecutionSink(_iopub, request.Message.Header, count, content.Silent);
        ExecutionOutcome outcome;
        using (var cell = new CancellationTokenSource())
        {
            lock (_cellGate) _runningCell = new RunningCell(cell, sink);
            try { outcome = _engine.ExecuteAsync(content.Code, sink, cell.Token).GetAwaiter().GetResult(); }
            finally { lock (_cellGate) _runningCell = null; }
        }
        if (content.StoreHistory && !content.Silent) _history.Add(count, content.Code, sink.ResultText);
        KernelLog.Debug($"cell {count} ran: {outcome.Status}");

        // Requests queued behind a failed cell are taken off the socket before its reply goes out: a request sent after
        // the client saw the reply (the next cell, run by hand) must run, not be aborted.
        var queued = outcome.Failure is not null && content.StopOnError ? TakeQueued(request.Socket) : [];
        Reply(request, MessageTypes.ExecuteReply, outcome.Failure is { } failure
            ? new ExecuteReply { Status = "error", ExecutionCount = count, ErrorName = failure.ErrorName, ErrorValue = failure.Message, Traceback = failure.Traceback }
            : new ExecuteReply { ExecutionCount = count, Payload = [], UserExpressions = new Dictionary<string, JsonElement>() });
        foreach (var next in queued) AbortOrHandle(next);
    }

    private List<Request> TakeQueued(IMessageSocket socket)
    {
        var queued = new List<Request>();
        while (socket.TryReceive(TimeSpan.Zero, out var frames))
        {
            try { queued.Add(new Request(_codec.Decode(frames), socket, false)); }
            catch (MessageRejectedException e) { KernelLog.Warn($"dropped a message on shell: {e.Message}"); }
        }
        return queued;
    }

    // After a failed cell, execute requests that were queued behind it are answered "aborted" (Run All stops there);
    // other requests are handled as usual.
    private void AbortOrHandle(Request request)
    {
        var message = request.Message;
        if (message.MessageType != MessageTypes.ExecuteRequest)
        {
            Dispatch(request);
            return;
        }
        _iopub.Status("busy", message.Header);
        Reply(request, MessageTypes.ExecuteReply, new ExecuteReply { Status = "aborted", ExecutionCount = _executionCount });
        _iopub.Status("idle", message.Header);
    }

    private void IsComplete(Request request)
    {
        var code = request.Message.ContentAs<IsCompleteRequest>().Code;
        Reply(request, MessageTypes.IsCompleteReply, ExecutionEngine.IsComplete(code) switch
        {
            SubmissionStatus.Complete => new IsCompleteReply("complete"),
            SubmissionStatus.Incomplete => new IsCompleteReply("incomplete", "    "),
            _ => new IsCompleteReply("invalid"),
        });
    }

    private void Complete(Request request)
    {
        var content = request.Message.ContentAs<CompleteRequest>();
        var cursor = CursorOffsets.ToUtf16(content.Code, content.CursorPosition ?? int.MaxValue);
        var result = _engine.Complete(content.Code, cursor);
        Reply(request, MessageTypes.CompleteReply, new CompleteReply
        {
            Matches = result.Matches,
            CursorStart = CursorOffsets.ToCodePoints(content.Code, result.Start),
            CursorEnd = CursorOffsets.ToCodePoints(content.Code, result.End),
        });
    }

    private void Inspect(Request request)
    {
        var content = request.Message.ContentAs<InspectRequest>();
        var cursor = CursorOffsets.ToUtf16(content.Code, content.CursorPosition ?? int.MaxValue);
        var result = _engine.Inspect(content.Code, cursor);
        Reply(request, MessageTypes.InspectReply, result is null
            ? new InspectReply()
            : new InspectReply { Found = true, Data = new Dictionary<string, JsonNode> { ["text/plain"] = JsonValue.Create(result.ToText()) } });
    }

    private void History(Request request) =>
        Reply(request, MessageTypes.HistoryReply, _history.Query(request.Message.ContentAs<HistoryRequest>()));

    private void CommOpen(Request request)
    {
        var open = request.Message.ContentAs<CommOpen>();
        KernelLog.Debug($"no comm target '{open.TargetName}'; closing comm {open.CommId}");
        _iopub.Publish(MessageTypes.CommClose, new CommClose { CommId = open.CommId }, request.Message.Header);
    }

    private void Shutdown(Request request)
    {
        var restart = request.Message.ContentAs<ShutdownRequest>().Restart;
        RestartRequested = restart;
        var reply = new ShutdownReply(restart);
        Reply(request, MessageTypes.ShutdownReply, reply);
        _iopub.Publish(MessageTypes.ShutdownReply, reply, request.Message.Header);
        Stop();
    }
}
