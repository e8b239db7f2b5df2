using GdNotebooks.Kernel.Execution;

namespace GdNotebooks.Kernel;

/// <summary>How <see cref="KernelHost.Run"/> starts the kernel.</summary>
public sealed record KernelOptions
{
    /// <summary>Accept a connection file with an empty key (messages unsigned). Dangerous on shared machines.</summary>
    public bool AllowUnsigned { get; init; }

    /// <summary>Log protocol tracing to stderr.</summary>
    public bool Verbose { get; init; }

    /// <summary>Called once with the engine before the kernel serves: plug formatters and the magic handler here.</summary>
    public Action<ExecutionEngine>? ConfigureEngine { get; init; }
}
