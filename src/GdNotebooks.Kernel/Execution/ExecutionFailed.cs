namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// The cell did not compile, threw, or was interrupted. <paramref name="ErrorName"/> is the exception type's
/// short name (or <c>CompilationError</c>); <paramref name="Traceback"/> holds display lines, trimmed to the
/// user's code.
/// </summary>
public sealed record ExecutionFailed(string ErrorName, string Message, IReadOnlyList<string> Traceback) : ExecutionEvent
{
    /// <summary>The name used for cells that fail to compile.</summary>
    public const string CompilationError = "CompilationError";

    /// <summary>The name used when a magic command's options are wrong (a <see cref="GdNotebooks.UsageException"/>).</summary>
    public const string UsageError = "UsageError";
}
