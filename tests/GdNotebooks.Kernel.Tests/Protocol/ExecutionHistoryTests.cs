using GdNotebooks.Kernel.Protocol;
using GdNotebooks.Kernel.Protocol.Messages;

namespace GdNotebooks.Kernel.Tests.Protocol;

public sealed class ExecutionHistoryTests
{
    private static ExecutionHistory Sample()
    {
        var history = new ExecutionHistory();
        history.Add(1, "1 + 1", "2");
        history.Add(2, "var x = 3;", null);
        history.Add(3, "1 + 1", "2");
        return history;
    }

    [Fact]
    public void Tail_range_and_search()
    {
        var history = Sample();
        Assert.Equal(2, history.Query(new HistoryRequest { AccessType = "tail", Count = 2 }).History.Count);
        var range = history.Query(new HistoryRequest { AccessType = "range", Session = 1, Start = 2, Stop = 3 }).History;
        Assert.Equal(2, (int)Assert.Single(range)[1]!);
        Assert.Equal(2, history.Query(new HistoryRequest { AccessType = "search", Pattern = "1*" }).History.Count);
        Assert.Single(history.Query(new HistoryRequest { AccessType = "search", Pattern = "1*", Unique = true }).History);
    }
}
