namespace GdNotebooks.Kernel.Execution;

/// <summary>What the symbol under the cursor is: its signature(s) and, where documented, the summary.</summary>
public sealed record InspectionResult(string Signature, string? Summary)
{
    /// <summary>Signature and summary as one block of text.</summary>
    public string ToText() => Summary is null ? Signature : $"{Signature}\n\n{Summary}";
}
