using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Kernel.Tests.Execution;

public sealed class IntrospectionTests
{
    [Fact]
    public void Completion_after_a_dot_lists_static_members()
    {
        using var engine = new ExecutionEngine();
        var result = engine.Complete("Math.Sq", 7);
        Assert.Contains("Sqrt", result.Matches);
        Assert.Equal(5, result.Start);
        Assert.Equal(7, result.End);
    }

    [Fact]
    public async Task Completion_after_a_dot_lists_instance_and_extension_members_of_earlier_variables()
    {
        using var engine = new ExecutionEngine();
        await engine.ExecuteAsync("var numbers = new List<int> { 1, 2 };", new RecordingSink());
        var result = engine.Complete("numbers.", 8);
        Assert.Contains("Add", result.Matches);
        Assert.Contains("Select", result.Matches);
        Assert.DoesNotContain("ReferenceEquals", result.Matches);
    }

    [Fact]
    public async Task Completion_without_a_dot_sees_earlier_cells_and_types()
    {
        using var engine = new ExecutionEngine();
        await engine.ExecuteAsync("var learningRate = 0.1;", new RecordingSink());
        Assert.Contains("learningRate", engine.Complete("learn", 5).Matches);
        Assert.Contains("Console", engine.Complete("Cons", 4).Matches);
        Assert.Contains("display", engine.Complete("disp", 4).Matches);
    }

    [Fact]
    public void Inspect_gives_signature_and_documentation()
    {
        using var engine = new ExecutionEngine();
        var result = engine.Inspect("Math.Sqrt", 9);
        Assert.NotNull(result);
        Assert.Contains("Sqrt(double", result.Signature);
        Assert.False(string.IsNullOrEmpty(result.Summary));
    }

    [Fact]
    public void Inspect_documents_the_library_from_its_xml_file()
    {
        using var engine = new ExecutionEngine();
        var result = engine.Inspect("UsageException", 5);
        Assert.NotNull(result);
        Assert.Contains("UsageException", result.Signature);
    }

    [Fact]
    public void Inspect_of_nothing_is_null()
    {
        using var engine = new ExecutionEngine();
        Assert.Null(engine.Inspect("   ", 1));
    }

    [Theory]
    [InlineData("1 + 1", SubmissionStatus.Complete)]
    [InlineData("var x = 1;", SubmissionStatus.Complete)]
    [InlineData("Console.WriteLine(\"hello\");", SubmissionStatus.Complete)]
    [InlineData("", SubmissionStatus.Complete)]
    [InlineData("if (true) {", SubmissionStatus.Incomplete)]
    [InlineData("Math.Max(1,", SubmissionStatus.Incomplete)]
    [InlineData("var s = \"\"\"\nopen raw string", SubmissionStatus.Incomplete)]
    [InlineData("}", SubmissionStatus.Invalid)]
    [InlineData("var = ;", SubmissionStatus.Invalid)]
    public void Is_complete(string code, SubmissionStatus expected) => Assert.Equal(expected, ExecutionEngine.IsComplete(code));
}
