namespace GdNotebooks.Kernel.Transport;

/// <summary>The kernel's channels in memory, for protocol tests: each channel's client end plays the front end.</summary>
public sealed class InMemoryKernelTransport : IKernelTransport
{
    /// <summary>Shell channel; tests send requests on <see cref="InMemoryChannel.ClientEnd"/>.</summary>
    public InMemoryChannel ShellChannel { get; } = new();
    /// <summary>Control channel.</summary>
    public InMemoryChannel ControlChannel { get; } = new();
    /// <summary>Stdin channel.</summary>
    public InMemoryChannel StdinChannel { get; } = new();
    /// <summary>IOPub channel: the client end receives everything published.</summary>
    public InMemoryChannel IoPubChannel { get; } = new();

    /// <inheritdoc />
    public IMessageSocket Shell => ShellChannel.KernelEnd;
    /// <inheritdoc />
    public IMessageSocket Control => ControlChannel.KernelEnd;
    /// <inheritdoc />
    public IMessageSocket Stdin => StdinChannel.KernelEnd;
    /// <inheritdoc />
    public IMessageSocket IoPub => IoPubChannel.KernelEnd;

    /// <summary>Nothing to release: the queues are collected with this object.</summary>
    public void Dispose() { }
}
