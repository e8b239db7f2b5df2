namespace GdNotebooks.Kernel.Execution;

/// <summary>Whether a cell could run as typed (Jupyter's is_complete).</summary>
public enum SubmissionStatus
{
    /// <summary>Ready to run.</summary>
    Complete,
    /// <summary>Something is still open (a brace, a parenthesis, a string); more lines would make it complete.</summary>
    Incomplete,
    /// <summary>A syntax error that no further text can fix.</summary>
    Invalid,
}
