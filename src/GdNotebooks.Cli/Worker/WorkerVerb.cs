using System.Text;
using System.Text.Json;
using GdNotebooks.Kernel;
using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Cli.Worker;

/// <summary>
/// <c>gdnb worker</c>, the hidden verb <c>gdnb run</c> starts (<see cref="WorkerProcess"/>): a process whose notebooks run
/// one after another, each on a fresh <see cref="NotebookEngine"/>, driven by <see cref="WorkerMessage"/> lines on stdin
/// and reporting on stdout. A stack overflow or a crash in a cell ends this process, never <c>gdnb run</c>.
/// </summary>
/// <remarks>
/// <para>stdout belongs to the protocol alone: the real stdout stream is taken before anything can write to the console,
/// then <see cref="Console.Out"/> is pointed at stderr, so user output reaches the cell as events while a cell runs and
/// stderr (which <c>gdnb run</c> forwards to its progress lines) otherwise. <see cref="Console.In"/> is emptied, so a cell
/// that reads the console cannot swallow requests. Roslyn starts warming up at once, before the first notebook is
/// opened. Events from an earlier notebook's engine (a display updated by a thread it left running) are dropped.</para>
/// <para>Ctrl-C in a terminal reaches this process too; it is ignored here (gdnb's Main cancels only its own token):
/// <c>gdnb run</c> decides, sending <c>interrupt</c> or ending the process. When stdin closes, the worker exits.</para>
/// </remarks>
public static class WorkerVerb
{
    /// <summary>The verb's name on the command line.</summary>
    public const string Name = "worker";

    /// <summary>Serves requests until stdin closes, then ends the process (threads a cell left running included).</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        var protocol = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { NewLine = "\n" };
        var requests = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        Console.SetOut(Console.Error);
        Console.SetIn(TextReader.Null);
        if (args.Count > 0)
        {
            Console.Error.WriteLine($"gdnb {Name}: takes no arguments; gdnb run starts it and talks to it on stdin and stdout");
            return Gdnb.Usage;
        }

        var session = new Session(protocol);
        while (requests.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            try
            {
                session.Handle(WorkerMessage.Parse(line));
            }
            catch (JsonException e)
            {
                KernelLog.Warn($"worker: ignored a line that is not a request ({e.Message})");
            }
        }
        Environment.Exit(Gdnb.Ok);
        return Gdnb.Ok;
    }

    /// <summary>The protocol writer, the engine of the notebook opened last, and the cell running now.</summary>
    private sealed class Session(StreamWriter protocol)
    {
        private readonly object _writeGate = new();
        private readonly Task _rehearsal = Task.Run(RehearseAsync);
        private ExecutionEngine? _engine;
        private NotebookSink? _notebook;
        private Task _ready = Task.CompletedTask;
        private CancellationTokenSource? _running;
        private int _generation;

        public void Handle(WorkerMessage request)
        {
            switch (request)
            {
                case WorkerMessage.Open open:
                    _engine?.Dispose();
                    var engine = _engine = NotebookEngine.Create(open.BaseDirectory);
                    _notebook = new NotebookSink(this, Interlocked.Increment(ref _generation));
                    _ready = _rehearsal.ContinueWith(_ => engine.WarmUpAsync(), TaskScheduler.Default).Unwrap();
                    _ready.ContinueWith(_ => Send(new WorkerMessage.Ready()), TaskScheduler.Default);
                    break;
                case WorkerMessage.Execute execute:
                    var cancel = new CancellationTokenSource();
                    Volatile.Write(ref _running, cancel);
                    var (cellEngine, sink, ready) = (_engine, _notebook, _ready);
                    // Its own thread, as a cell that never yields must not hold the request loop (interrupts arrive there).
                    Task.Factory.StartNew(() => RunAsync(cellEngine, sink, ready, execute.Source, cancel), CancellationToken.None,
                        TaskCreationOptions.LongRunning, TaskScheduler.Default);
                    break;
                case WorkerMessage.Interrupt:
                    try { Volatile.Read(ref _running)?.Cancel(); }
                    catch (ObjectDisposedException) { } // the cell just ended
                    break;
                default:
                    KernelLog.Warn($"worker: ignored a {request.GetType().Name} message, which only the worker sends");
                    break;
            }
        }

        private async Task RunAsync(ExecutionEngine? engine, NotebookSink? sink, Task ready, string source, CancellationTokenSource cancel)
        {
            ExecutionOutcome outcome;
            try
            {
                if (engine is null || sink is null) throw new InvalidOperationException("execute before open: no notebook is open in this worker");
                await ready.ConfigureAwait(false);
                outcome = await engine.ExecuteAsync(source, sink, cancel.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // The engine reports failures as events; anything thrown is a bug here or in it, reported like a cell error.
                var failure = new ExecutionFailed(e.GetType().Name, e.Message, [e.ToString()]);
                Send(WorkerMessage.From(failure));
                outcome = new ExecutionOutcome(ExecutionStatus.Error, failure);
            }
            Interlocked.CompareExchange(ref _running, null, cancel);
            cancel.Dispose();
            Send(WorkerMessage.From(outcome));
        }

        private void Send(WorkerMessage message)
        {
            string line;
            try
            {
                line = message.ToLine();
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
            {
                KernelLog.Warn($"worker: could not encode a {message.GetType().Name} message: {e.Message}");
                return;
            }
            lock (_writeGate)
            {
                try
                {
                    protocol.WriteLine(line);
                    protocol.Flush();
                }
                catch (IOException)
                {
                    // gdnb run is gone: nobody is left to report to.
                    Environment.Exit(Gdnb.Failed);
                }
            }
        }

        /// <summary>
        /// Runs a cell on a throwaway engine (console, display, a formatted value, a returned value): this process is
        /// new, and everything a first cell touches would otherwise be compiled inside that cell's time limit.
        /// </summary>
        private static async Task RehearseAsync()
        {
            try
            {
                using var rehearsal = NotebookEngine.Create();
                await rehearsal.ExecuteAsync("Console.Write(\"\");\ndisplay(new[] { 1.5 });\nnew List<int> { 1 }.Select(x => x + 1).Sum()",
                    new Discard(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) { KernelLog.Debug("worker: rehearsal failed: " + e.Message); }
        }

        /// <summary>The sink of one opened notebook: its events are sent while it is the latest one opened.</summary>
        private sealed class NotebookSink(Session session, int generation) : IExecutionSink
        {
            public void Publish(ExecutionEvent executionEvent)
            {
                if (Volatile.Read(ref session._generation) == generation) session.Send(WorkerMessage.From(executionEvent));
            }
        }

        private sealed class Discard : IExecutionSink
        {
            public void Publish(ExecutionEvent executionEvent) { }
        }
    }
}
