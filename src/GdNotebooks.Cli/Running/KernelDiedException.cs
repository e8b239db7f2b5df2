namespace GdNotebooks.Cli.Running;

/// <summary>
/// The process running a notebook's cells ended before its cell did: a stack overflow, <c>Environment.FailFast</c>, a
/// native crash, or something killed it. <see cref="Exception.Message"/> says how it ended; <see cref="Details"/> holds
/// the first lines it wrote to stderr during the cell (the runtime's own report, e.g. <c>Stack overflow.</c> and the
/// repeating frames).
/// </summary>
public sealed class KernelDiedException(string message, IReadOnlyList<string> details) : Exception(message)
{
    /// <summary>The <c>ename</c> of the error output a cell gets when its kernel process died.</summary>
    public const string ErrorName = "KernelDied";

    /// <summary>The process's first stderr lines since the cell started; empty when it wrote none.</summary>
    public IReadOnlyList<string> Details { get; } = details;
}
