using System.Text;
using System.Text.Json;
using GdNotebooks.Kernel;
using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Cli.Worker;

/// <summary>
/// <c>gdnb worker [--base-dir DIR]</c>, the hidden verb <c>gdnb run</c> starts once per notebook (<see cref="WorkerEngine"/>):
/// one <see cref="NotebookEngine"/> whose cells run in this process, driven by <see cref="WorkerMessage"/> lines on stdin
/// and reporting on stdout. A stack overflow or a crash in a cell ends this process, never <c>gdnb run</c>.
/// </summary>
/// <remarks>
/// <para>stdout belongs to the protocol alone: the real stdout stream is taken before anything can write to the console,
/// then <see cref="Console.Out"/> is pointed at stderr, so user output reaches the cell as events while a cell runs and
/// stderr (which <c>gdnb run</c> forwards to its progress lines) otherwise. <see cref="Console.In"/> is emptied, so a cell
/// that reads the console cannot swallow requests. The engine starts warming up at once.</para>
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

        string? baseDirectory = args.Count == 2 && args[0] == "--base-dir" ? args[1] : null;
        if (args.Count > 0 && baseDirectory is null)
        {
            Console.Error.WriteLine($"gdnb {Name}: usage: gdnb {Name} [--base-dir DIR] (started by gdnb run, not by hand)");
            return Gdnb.Usage;
        }
        var session = new Session(NotebookEngine.Create(baseDirectory), WarmUpAsync, protocol);
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

    /// <summary>
    /// Rehearses a cell on a throwaway engine (console, display, a formatted value, a returned value), then warms the real
    /// one: this process is new, and everything a first cell touches would otherwise be compiled inside its time limit.
    /// </summary>
    private static async Task WarmUpAsync(ExecutionEngine engine)
    {
        try
        {
            using var rehearsal = NotebookEngine.Create();
            await rehearsal.ExecuteAsync("Console.Write(\"\");\ndisplay(new[] { 1.5 });\nnew List<int> { 1 }.Select(x => x + 1).Sum()",
                new DiscardingSink(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) { KernelLog.Debug("worker: rehearsal failed: " + e.Message); }
        await engine.WarmUpAsync().ConfigureAwait(false);
    }

    private sealed class DiscardingSink : IExecutionSink
    {
        public void Publish(ExecutionEvent executionEvent) { }
    }

    /// <summary>One engine, the protocol writer, and the cell running now.</summary>
    private sealed class Session(ExecutionEngine engine, Func<ExecutionEngine, Task> warmUp, StreamWriter protocol) : IExecutionSink
    {
        private readonly object _writeGate = new();
        private readonly Task _warmUp = Task.Run(() => warmUp(engine));
        private CancellationTokenSource? _running;

        public void Handle(WorkerMessage request)
        {
            switch (request)
            {
                case WorkerMessage.WarmUp:
                    _warmUp.ContinueWith(_ => Send(new WorkerMessage.WarmedUp()), TaskScheduler.Default);
                    break;
                case WorkerMessage.Execute execute:
                    var cancel = new CancellationTokenSource();
                    Volatile.Write(ref _running, cancel);
                    // Its own thread, as a cell that never yields must not hold the request loop (interrupts arrive there).
                    Task.Factory.StartNew(() => RunAsync(execute.Source, cancel), CancellationToken.None,
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

        public void Publish(ExecutionEvent executionEvent) => Send(WorkerMessage.From(executionEvent));

        private async Task RunAsync(string source, CancellationTokenSource cancel)
        {
            await _warmUp.ConfigureAwait(false);
            ExecutionOutcome outcome;
            try
            {
                outcome = await engine.ExecuteAsync(source, this, cancel.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // The engine reports failures as events; anything thrown is a bug in it, reported like a cell error.
                var failure = new ExecutionFailed(e.GetType().Name, e.Message, [e.ToString()]);
                Publish(failure);
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
    }
}
