using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using GdNotebooks.Cli.Running;
using GdNotebooks.Kernel;
using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Cli.Worker;

/// <summary>
/// The runner's side of a worker process: starts <c>gdnb worker</c> (gdnb itself again, launched as
/// <see cref="SelfLaunch.Command"/> says), sends it <see cref="WorkerMessage"/> requests on stdin, and turns the lines it
/// writes on stdout back into <see cref="ExecutionEvent"/>s for the cell's sink. What the worker writes on stderr (the
/// runtime's crash reports, kernel warnings, console text written outside any cell) goes to the log callback, line by
/// line, never into a notebook.
/// </summary>
/// <remarks>
/// The process starts at once and warms Roslyn up while the runner reads the notebook. It then serves one notebook after
/// another, each <see cref="OpenAsync">opened</see> on a fresh engine, for as long as it stays <see cref="Usable"/>. When it
/// ends before its cell does, <see cref="ExecuteAsync"/> throws <see cref="KernelDiedException"/> naming the exit code or
/// signal. <see cref="Dispose"/> closes its stdin, which ends it, and kills it (with whatever it started) if it is still
/// there shortly after.
/// </remarks>
public sealed class WorkerProcess : IDisposable
{
    /// <summary>
    /// How many stderr lines, from the start of the cell on, a <see cref="KernelDiedException"/> carries: the runtime's
    /// report starts with what matters (<c>Stack overflow.</c>, the repeating frames) and ends in engine plumbing.
    /// </summary>
    public const int ReportedStderrLines = 8;

    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(3);
    private const string MessageStart = "{\"type\":\"";

    private readonly Process? _process;
    private readonly string _command;
    private readonly string? _startError;
    private readonly Action<string> _log;
    private readonly object _gate = new();
    private readonly object _sendGate = new(); // apart from _gate: a write to a full pipe must not hold up the readers
    private readonly List<string> _stderrSinceCell = [];
    private int _stderrLinesSinceCell;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _readingErrors = Task.CompletedTask;
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IExecutionSink? _sink;
    private TaskCompletionSource<ExecutionOutcome>? _cell;
    private volatile bool _stopped;
    private volatile bool _disposed;

    /// <summary>
    /// Starts a worker, logging its stderr lines to <paramref name="log"/> (called from another thread). A worker that
    /// cannot be started is reported by the first <see cref="ExecuteAsync"/>.
    /// </summary>
    public WorkerProcess(Action<string> log)
    {
        _log = log;
        var command = SelfLaunch.Command(typeof(Gdnb).Assembly.Location, Environment.ProcessPath, [WorkerVerb.Name]);
        _command = string.Join(' ', command);
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in command.Skip(1)) start.ArgumentList.Add(argument);
        try
        {
            _process = Process.Start(start) ?? throw new Win32Exception("no process was started");
            ProcessId = _process.Id;
        }
        catch (Win32Exception e)
        {
            _startError = e.Message;
            _ended.SetResult();
            return;
        }
        _readingErrors = Task.Run(ReadErrorsAsync);
        _ = Task.Run(ReadMessagesAsync);
    }

    /// <summary>The worker's process id (0 when it could not be started).</summary>
    public int ProcessId { get; }

    /// <summary>
    /// True while the worker can take another notebook: it is running, was not stopped, and no cell is left unfinished.
    /// </summary>
    public bool Usable
    {
        get
        {
            lock (_gate) return !_ended.Task.IsCompleted && !_stopped && _cell is null && !_disposed;
        }
    }

    /// <summary>
    /// Gives the worker a fresh engine for a new notebook, whose <c>#r</c> paths resolve against
    /// <paramref name="baseDirectory"/>, and waits until it is warm. A worker that dies meanwhile is reported by the
    /// cell that would have run on it.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled first.</exception>
    public async Task OpenAsync(string? baseDirectory, CancellationToken cancel)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _ready = ready;
        if (!Send(new WorkerMessage.Open(baseDirectory))) return;
        await Task.WhenAny(ready.Task, _ended.Task).WaitAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one cell on the engine of the notebook opened last: its events reach <paramref name="sink"/> in order, and
    /// later display updates too. Cancelling <paramref name="cancel"/> sends an interrupt.
    /// </summary>
    /// <exception cref="KernelDiedException">The worker ended before or while the cell ran.</exception>
    public async Task<ExecutionOutcome> ExecuteAsync(string source, IExecutionSink sink, CancellationToken cancel)
    {
        var cell = new TaskCompletionSource<ExecutionOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_ended.Task.IsCompleted) throw Died(whileRunning: false);
            _sink = sink;
            _cell = cell;
            _stderrSinceCell.Clear();
            _stderrLinesSinceCell = 0;
        }
        Send(new WorkerMessage.Execute(source));
        using (cancel.Register(() => Send(new WorkerMessage.Interrupt())))
            await Task.WhenAny(cell.Task, _ended.Task).ConfigureAwait(false);
        if (cell.Task.IsCompleted) return await cell.Task.ConfigureAwait(false);
        throw Died(whileRunning: true);
    }

    /// <summary>Ends the worker at once, with everything it started (a cell that ignores its interrupt).</summary>
    public void Kill()
    {
        _stopped = true;
        try { _process?.Kill(entireProcessTree: true); }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException) { } // already gone
    }

    /// <summary>Ends the worker: closes its stdin, and kills it if it is still there shortly after.</summary>
    public void Dispose()
    {
        if (_process is null) return;
        lock (_sendGate)
        {
            if (_disposed) return;
            _disposed = true;
            try { _process.StandardInput.Close(); }
            catch (IOException) { } // it is gone already
        }
        if (!_process.WaitForExit(ExitWait)) Kill();
        _ended.Task.Wait(ExitWait);
        _process.Dispose();
    }

    private bool Send(WorkerMessage request)
    {
        if (_process is null) return false;
        lock (_sendGate)
        {
            if (_disposed) return false;
            try
            {
                _process.StandardInput.WriteLine(request.ToLine());
                _process.StandardInput.Flush();
                return true;
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                return false; // the worker is gone; its end is reported by the reader
            }
        }
    }

    private async Task ReadMessagesAsync()
    {
        var output = _process!.StandardOutput;
        try
        {
            while (await output.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (Parse(line) is { } message) Dispatch(message);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
        finally
        {
            try { await _process.WaitForExitAsync().ConfigureAwait(false); }
            catch (InvalidOperationException) { } // disposed after a kill that was never seen through
            // Its stderr (a crash report) belongs in the report; a process it left behind may hold that pipe open.
            await Task.WhenAny(_readingErrors, Task.Delay(ExitWait)).ConfigureAwait(false);
            _ended.TrySetResult();
        }
    }

    // Something in the worker may write to the real stdout (a cell opening it directly, native code); such text is
    // logged, and when it lacked a newline the message glued to its end is still read.
    private WorkerMessage? Parse(string line)
    {
        try
        {
            return WorkerMessage.Parse(line);
        }
        catch (JsonException)
        {
            int start = line.IndexOf(MessageStart, StringComparison.Ordinal);
            _log("stdout: " + (start > 0 ? line[..start] : line));
            if (start <= 0) return null;
            try { return WorkerMessage.Parse(line[start..]); }
            catch (JsonException) { return null; }
        }
    }

    private void Dispatch(WorkerMessage message)
    {
        switch (message)
        {
            case WorkerMessage.Ready:
                TaskCompletionSource ready;
                lock (_gate) ready = _ready;
                ready.TrySetResult();
                break;
            case WorkerMessage.Done done:
                TaskCompletionSource<ExecutionOutcome>? cell;
                lock (_gate) (cell, _cell) = (_cell, null);
                cell?.TrySetResult(done.ToOutcome());
                break;
            default:
                if (message.ToEvent() is not { } executionEvent) break;
                try { Volatile.Read(ref _sink)?.Publish(executionEvent); }
                catch (Exception e) { _log($"could not deliver {executionEvent.GetType().Name}: {e.Message}"); }
                break;
        }
    }

    private async Task ReadErrorsAsync()
    {
        var errors = _process!.StandardError;
        try
        {
            while (await errors.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (_gate)
                {
                    if (_stderrSinceCell.Count < ReportedStderrLines) _stderrSinceCell.Add(line);
                    _stderrLinesSinceCell++;
                }
                _log(line);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
    }

    private KernelDiedException Died(bool whileRunning)
    {
        if (_startError is not null)
            return new KernelDiedException($"The kernel process could not be started ({_command}): {_startError}", []);
        string when = whileRunning ? "while this cell was running" : "before this cell started";
        string why = _stopped
            ? "gdnb run stopped it"
            : "a stack overflow or a crash in the cell's code (Environment.FailFast, a native fault), or something that killed the process, ended it";
        List<string> details;
        lock (_gate)
        {
            details = [.. _stderrSinceCell];
            int more = _stderrLinesSinceCell - details.Count;
            if (more > 0) details.Add($"… ({more} more line{(more == 1 ? "" : "s")} on the worker's stderr)");
        }
        return new KernelDiedException(
            $"The kernel process running this notebook (gdnb worker, pid {ProcessId}) {ExitDescription(_process!.ExitCode)} {when}: {why}. "
            + "The notebook's state went with it, so the notebook stopped here.", details);
    }

    /// <summary>How a process with <paramref name="exitCode"/> ended: on Unix, codes above 128 are 128 + the signal that killed it.</summary>
    internal static string ExitDescription(int exitCode)
    {
        if (OperatingSystem.IsWindows())
            return exitCode < 0 ? $"ended with exit code 0x{exitCode:X8}" : $"ended with exit code {exitCode}";
        if (exitCode is > 128 and < 128 + 32)
        {
            int signal = exitCode - 128;
            string? name = signal switch
            {
                1 => "SIGHUP", 2 => "SIGINT", 3 => "SIGQUIT", 4 => "SIGILL", 6 => "SIGABRT", 7 => "SIGBUS", 8 => "SIGFPE",
                9 => "SIGKILL", 11 => "SIGSEGV", 13 => "SIGPIPE", 15 => "SIGTERM", _ => null,
            };
            return $"was ended by signal {signal} ({(name is null ? "" : name + ", ")}exit code {exitCode})";
        }
        return $"ended with exit code {exitCode}";
    }
}
