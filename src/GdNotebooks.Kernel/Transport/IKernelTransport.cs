namespace GdNotebooks.Kernel.Transport;

/// <summary>
/// The five channels of a Jupyter kernel. Shell, control and stdin are router-like (replies go back to the
/// identities a request came from), iopub broadcasts, and the heartbeat is served by the transport itself.
/// </summary>
public interface IKernelTransport : IDisposable
{
    /// <summary>Requests from front ends: execute, complete, inspect, kernel_info…</summary>
    IMessageSocket Shell { get; }

    /// <summary>Like shell, but served on its own thread so interrupt and shutdown work while a cell runs.</summary>
    IMessageSocket Control { get; }

    /// <summary>Kernel-to-front-end input requests.</summary>
    IMessageSocket Stdin { get; }

    /// <summary>Broadcast of status, outputs and results. Callers serialise sends on it.</summary>
    IMessageSocket IoPub { get; }
}
