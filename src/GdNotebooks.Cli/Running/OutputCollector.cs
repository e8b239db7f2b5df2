using System.Text.Json.Nodes;
using GdNotebooks.Cli.Notebooks;
using GdNotebooks.Kernel.Execution;
using NotebookMimeBundle = GdNotebooks.Cli.Notebooks.MimeBundle;

namespace GdNotebooks.Cli.Running;

/// <summary>
/// The headless front end's sink: turns the engine's events into nbformat outputs of the cell being run, the way a
/// Jupyter front end (and nbclient) turns iopub messages into saved outputs. One collector serves a whole notebook,
/// because a display shown in one cell may be updated from a later one.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><see cref="StreamText"/> → a <c>stream</c> output; text continuing the same stream as the previous output is
/// appended to it, so a cell that prints line by line saves one stdout block, as Jupyter saves it.</item>
/// <item><see cref="DisplayProduced"/> → <c>display_data</c>. Its display id is remembered here (not written: nbformat
/// has no place for <c>transient</c>), and <see cref="DisplayUpdated"/> replaces the data of every output shown with
/// that id, in whichever cell it is, in place. An update for an unknown id is dropped, as Jupyter front ends drop it.</item>
/// <item><see cref="ReturnValue"/> → <c>execute_result</c> with the cell's execution count.</item>
/// <item><see cref="ExecutionFailed"/> → <c>error</c> with ename, evalue and traceback.</item>
/// <item><see cref="ClearOutput"/> → removes the cell's outputs; with wait, only when the next output arrives.</item>
/// </list>
/// Events may come from threads a cell started and even after the runner gave up on a cell; everything happens under
/// one lock, and events for a cell that is no longer current (<see cref="EndCell"/>) are ignored.
/// </remarks>
public sealed class OutputCollector : IExecutionSink
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<DisplayDataOutput>> _displays = new(StringComparer.Ordinal);
    private NotebookCell? _cell;
    private int? _executionCount;
    private bool _clearPending;
    private bool _dropFailures;

    /// <summary>Makes <paramref name="cell"/> the target of the events that follow; its old outputs are removed.</summary>
    public void BeginCell(NotebookCell cell, int executionCount)
    {
        lock (_gate)
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = executionCount;
            _cell = cell;
            _executionCount = executionCount;
            _clearPending = false;
            _dropFailures = false;
        }
    }

    /// <summary>
    /// Ignores <see cref="ExecutionFailed"/> events of the current cell from now on: the runner stopped it (a timeout) and
    /// writes its own error.
    /// </summary>
    public void DropFailures()
    {
        lock (_gate) _dropFailures = true;
    }

    /// <summary>Adds an output to the current cell as if an event had produced it (the runner's own errors).</summary>
    public void Add(NotebookOutput output)
    {
        lock (_gate)
        {
            if (_cell is null) return;
            ApplyPendingClear();
            _cell.Outputs.Add(output);
        }
    }

    /// <summary>Stops routing events to the current cell; later events (from stray threads) are ignored.</summary>
    public void EndCell()
    {
        lock (_gate)
        {
            _cell = null;
            _executionCount = null;
            _clearPending = false;
        }
    }

    /// <summary>Runs <paramref name="action"/> under the collector's lock, so no event changes outputs meanwhile (used while saving).</summary>
    public T Locked<T>(Func<T> action)
    {
        lock (_gate) return action();
    }

    /// <inheritdoc />
    public void Publish(ExecutionEvent executionEvent)
    {
        ArgumentNullException.ThrowIfNull(executionEvent);
        lock (_gate)
        {
            if (executionEvent is DisplayUpdated update)
            {
                Update(update);
                return;
            }
            if (_cell is null) return;
            switch (executionEvent)
            {
                case ClearOutput clear:
                    if (clear.Wait) _clearPending = true;
                    else Clear();
                    break;
                case StreamText text:
                    AddStream(text);
                    break;
                case DisplayProduced display:
                    ApplyPendingClear();
                    var output = new DisplayDataOutput(Data(display.Bundle), Metadata(display.Bundle));
                    _cell.Outputs.Add(output);
                    if (!_displays.TryGetValue(display.DisplayId, out var shown)) _displays[display.DisplayId] = shown = [];
                    shown.Add(output);
                    break;
                case ReturnValue value:
                    ApplyPendingClear();
                    _cell.Outputs.Add(new ExecuteResultOutput(_executionCount, Data(value.Bundle), Metadata(value.Bundle)));
                    break;
                case ExecutionFailed failure when !_dropFailures:
                    ApplyPendingClear();
                    _cell.Outputs.Add(new ErrorOutput(failure.ErrorName, failure.Message, failure.Traceback));
                    break;
            }
        }
    }

    private void AddStream(StreamText text)
    {
        ApplyPendingClear();
        string name = text.Stream == OutputStream.StandardError ? "stderr" : "stdout";
        if (_cell!.Outputs.Count > 0 && _cell.Outputs[^1] is StreamOutput last && last.Name == name) last.Text += text.Text;
        else _cell.Outputs.Add(new StreamOutput(name, text.Text));
    }

    // Jupyter replaces the data and metadata of every output carrying the id, wherever it is, and keeps its place.
    private void Update(DisplayUpdated update)
    {
        if (!_displays.TryGetValue(update.DisplayId, out var shown)) return;
        var data = Data(update.Bundle);
        var metadata = Metadata(update.Bundle);
        foreach (var output in shown)
        {
            Replace(output.Data, data);
            Replace(output.Metadata, metadata);
        }
    }

    private void ApplyPendingClear()
    {
        if (!_clearPending) return;
        _clearPending = false;
        Clear();
    }

    private void Clear()
    {
        foreach (var output in _cell!.Outputs.OfType<DisplayDataOutput>())
            foreach (var shown in _displays.Values) shown.Remove(output);
        _cell.Outputs.Clear();
    }

    private static void Replace(JsonObject target, JsonObject source)
    {
        target.Clear();
        foreach (var (key, value) in source) target[key] = value?.DeepClone();
    }

    // The engine's bundle holds text types as JSON strings and JSON types as JSON: the notebook model's layout already.
    private static JsonObject Data(Kernel.Execution.MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in bundle.Data)
            data[mime] = NotebookMimeBundle.IsJson(mime) || value is not JsonValue ? value.DeepClone() : JsonValue.Create(Text(value));
        return data;
    }

    private static JsonObject Metadata(Kernel.Execution.MimeBundle bundle)
    {
        var metadata = new JsonObject();
        if (bundle.Metadata is null) return metadata;
        foreach (var (mime, value) in bundle.Metadata) metadata[mime] = value.DeepClone();
        return metadata;
    }

    private static string Text(JsonNode value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
}
