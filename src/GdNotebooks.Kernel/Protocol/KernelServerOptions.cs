namespace GdNotebooks.Kernel.Protocol;

/// <summary>What the server says about itself, and how it polls.</summary>
public sealed record KernelServerOptions
{
    /// <summary>Shown by front ends at connection.</summary>
    public string Banner { get; init; } = "C# (GdNotebooks): gradient descent in notebooks. display(x) shows a value; Tab completes; Shift+Tab inspects.";

    /// <summary>How often the receive loops look at the stop flag.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a cell may run on after an interrupt before the kernel says it ignores cancellation and offers a restart.</summary>
    public TimeSpan IgnoredInterruptNotice { get; init; } = TimeSpan.FromSeconds(2);
}
