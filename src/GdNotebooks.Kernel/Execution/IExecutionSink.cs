namespace GdNotebooks.Kernel.Execution;

/// <summary>Receives a cell's events. The engine calls it from one thread at a time, in order.</summary>
public interface IExecutionSink
{
    /// <summary>Handles one event; must not throw for ordinary I/O trouble (log it instead).</summary>
    void Publish(ExecutionEvent executionEvent);
}
