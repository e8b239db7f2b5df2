using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Kernel.Tests.Execution;

internal static class EngineTestExtensions
{
    /// <summary>Runs one cell and returns its outcome with everything it reported.</summary>
    public static async Task<(ExecutionOutcome Outcome, RecordingSink Sink)> RunCellAsync(this ExecutionEngine engine, string code, CancellationToken ct = default)
    {
        var sink = new RecordingSink();
        var outcome = await engine.ExecuteAsync(code, sink, ct);
        return (outcome, sink);
    }
}
