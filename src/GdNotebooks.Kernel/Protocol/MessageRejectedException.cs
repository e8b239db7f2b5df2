namespace GdNotebooks.Kernel.Protocol;

/// <summary>A received message that must be dropped: unsigned, forged, replayed, truncated, oversized or not JSON.</summary>
public sealed class MessageRejectedException(string reason) : Exception(reason);
