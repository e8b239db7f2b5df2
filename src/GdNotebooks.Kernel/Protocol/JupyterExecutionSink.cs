using System.Text.Json.Nodes;
using GdNotebooks.Kernel.Execution;
using GdNotebooks.Kernel.Protocol.Messages;

namespace GdNotebooks.Kernel.Protocol;

/// <summary>Maps the engine's events for one execute_request to iopub messages (nothing at all for a silent request).</summary>
internal sealed class JupyterExecutionSink(IoPubPublisher iopub, MessageHeader request, int executionCount, bool silent) : IExecutionSink
{
    private static readonly IReadOnlyDictionary<string, JsonNode> NoMetadata = new Dictionary<string, JsonNode>();

    /// <summary>The text/plain of the returned value, for history.</summary>
    public string? ResultText { get; private set; }

    /// <inheritdoc />
    public void Publish(ExecutionEvent executionEvent)
    {
        if (executionEvent is ReturnValue value) ResultText = value.Bundle.PlainTextValue;
        if (silent) return;
        switch (executionEvent)
        {
            case StreamText text:
                Send(MessageTypes.Stream, new StreamOutputContent(text.Stream == OutputStream.StandardError ? "stderr" : "stdout", text.Text));
                break;
            case DisplayProduced shown:
                Send(MessageTypes.DisplayData, new DisplayDataContent(shown.Bundle.Data, shown.Bundle.Metadata ?? NoMetadata, new Transient(shown.DisplayId)));
                break;
            case DisplayUpdated updated:
                Send(MessageTypes.UpdateDisplayData, new UpdateDisplayDataContent(updated.Bundle.Data, updated.Bundle.Metadata ?? NoMetadata, new Transient(updated.DisplayId)));
                break;
            case ReturnValue result:
                Send(MessageTypes.ExecuteResult, new ExecuteResultContent(executionCount, result.Bundle.Data, result.Bundle.Metadata ?? NoMetadata));
                break;
            case ExecutionFailed failed:
                Send(MessageTypes.Error, new ErrorContent(failed.ErrorName, failed.Message, failed.Traceback));
                break;
            case ClearOutput clear:
                Send(MessageTypes.ClearOutput, new ClearOutputContent(clear.Wait));
                break;
            default:
                KernelLog.Debug($"no iopub message for {executionEvent.GetType().Name}");
                break;
        }
    }

    private void Send(string type, object content) => iopub.Publish(type, content, request);
}
