using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Cli.Worker;

/// <summary>
/// One line of the protocol between <c>gdnb run</c> and its worker process (<c>gdnb worker</c>): a JSON object with a
/// <c>"type"</c>, one per line, over the worker's stdin (requests) and stdout (everything the worker reports).
/// </summary>
/// <remarks>
/// Requests: <c>open {base_directory}</c> (a fresh engine for the next notebook; answered by <c>ready</c> once it is
/// warm), <c>execute {source}</c> (answered by the cell's events, then <c>done {status, failure}</c>) and
/// <c>interrupt</c> (cancels the running cell). Events mirror the engine's <see cref="ExecutionEvent"/>s one to one:
/// <c>stream</c>, <c>display</c>, <c>update_display</c>, <c>result</c>, <c>error</c>, <c>clear_output</c>. A returned
/// value itself stays in the worker; its mime bundle is what crosses.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(Open), "open")]
[JsonDerivedType(typeof(Execute), "execute")]
[JsonDerivedType(typeof(Interrupt), "interrupt")]
[JsonDerivedType(typeof(Ready), "ready")]
[JsonDerivedType(typeof(Stream), "stream")]
[JsonDerivedType(typeof(Display), "display")]
[JsonDerivedType(typeof(UpdateDisplay), "update_display")]
[JsonDerivedType(typeof(Result), "result")]
[JsonDerivedType(typeof(Error), "error")]
[JsonDerivedType(typeof(Clear), "clear_output")]
[JsonDerivedType(typeof(Done), "done")]
public abstract record WorkerMessage
{
    // Relaxed escaping: HTML in mime bundles (Plotly pages) stays as it is instead of growing sixfold; newlines are
    // still escaped, so a message never spans two lines.
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>
    /// Replaces the worker's engine with a fresh one whose <c>#r</c> paths resolve against <paramref name="BaseDirectory"/>
    /// (the notebook's folder) and warms it up; answered by <see cref="Ready"/>.
    /// </summary>
    public sealed record Open(string? BaseDirectory) : WorkerMessage;

    /// <summary>Runs one cell.</summary>
    public sealed record Execute(string Source) : WorkerMessage;

    /// <summary>Cancels the running cell's <see cref="CancellationToken"/>.</summary>
    public sealed record Interrupt : WorkerMessage;

    /// <summary>The engine opened last is warm.</summary>
    public sealed record Ready : WorkerMessage;

    /// <summary><see cref="StreamText"/>; <paramref name="Name"/> is <c>stdout</c> or <c>stderr</c>.</summary>
    public sealed record Stream(string Name, string Text) : WorkerMessage;

    /// <summary><see cref="DisplayProduced"/>.</summary>
    public sealed record Display(IReadOnlyDictionary<string, JsonNode> Data, IReadOnlyDictionary<string, JsonNode>? Metadata, string DisplayId) : WorkerMessage;

    /// <summary><see cref="DisplayUpdated"/>.</summary>
    public sealed record UpdateDisplay(IReadOnlyDictionary<string, JsonNode> Data, IReadOnlyDictionary<string, JsonNode>? Metadata, string DisplayId) : WorkerMessage;

    /// <summary><see cref="ReturnValue"/>, its bundle only.</summary>
    public sealed record Result(IReadOnlyDictionary<string, JsonNode> Data, IReadOnlyDictionary<string, JsonNode>? Metadata) : WorkerMessage;

    /// <summary><see cref="ExecutionFailed"/>.</summary>
    public sealed record Error(string Ename, string Evalue, IReadOnlyList<string> Traceback) : WorkerMessage
    {
        /// <summary>The event this carries.</summary>
        public ExecutionFailed ToFailure() => new(Ename, Evalue, Traceback);
    }

    /// <summary><see cref="ClearOutput"/>.</summary>
    public sealed record Clear(bool Wait) : WorkerMessage;

    /// <summary>The cell ended: its <see cref="ExecutionOutcome"/>.</summary>
    public sealed record Done(ExecutionStatus Status, Error? Failure) : WorkerMessage
    {
        /// <summary>The outcome this reports.</summary>
        public ExecutionOutcome ToOutcome() => new(Status, Failure?.ToFailure());
    }

    /// <summary>The message as one line of JSON (no newline at the end).</summary>
    public string ToLine() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads one line.</summary>
    /// <exception cref="JsonException">Not a protocol message.</exception>
    public static WorkerMessage Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkerMessage>(line, Json) ?? throw new JsonException("null is not a message");
        }
        catch (NotSupportedException e)
        {
            // A JSON object without a known "type".
            throw new JsonException(e.Message, e);
        }
    }

    /// <summary>The message that carries <paramref name="executionEvent"/>.</summary>
    public static WorkerMessage From(ExecutionEvent executionEvent) => executionEvent switch
    {
        StreamText text => new Stream(text.Stream == OutputStream.StandardError ? "stderr" : "stdout", text.Text),
        DisplayProduced display => new Display(display.Bundle.Data, display.Bundle.Metadata, display.DisplayId),
        DisplayUpdated update => new UpdateDisplay(update.Bundle.Data, update.Bundle.Metadata, update.DisplayId),
        ReturnValue value => new Result(value.Bundle.Data, value.Bundle.Metadata),
        ExecutionFailed failure => From(failure),
        ClearOutput clear => new Clear(clear.Wait),
        _ => throw new ArgumentException($"no worker message carries {executionEvent.GetType().Name}", nameof(executionEvent)),
    };

    /// <summary>The message that reports <paramref name="outcome"/>.</summary>
    public static Done From(ExecutionOutcome outcome) => new(outcome.Status, outcome.Failure is { } failure ? From(failure) : null);

    /// <summary>The event this message carries, or null for requests and replies that are not events.</summary>
    public ExecutionEvent? ToEvent() => this switch
    {
        Stream text => new StreamText(text.Name == "stderr" ? OutputStream.StandardError : OutputStream.StandardOutput, text.Text),
        Display display => new DisplayProduced(new MimeBundle(display.Data, display.Metadata), display.DisplayId),
        UpdateDisplay update => new DisplayUpdated(new MimeBundle(update.Data, update.Metadata), update.DisplayId),
        Result value => new ReturnValue(null, new MimeBundle(value.Data, value.Metadata)),
        Error error => error.ToFailure(),
        Clear clear => new ClearOutput(clear.Wait),
        _ => null,
    };

    private static Error From(ExecutionFailed failure) => new(failure.ErrorName, failure.Message, failure.Traceback);
}
