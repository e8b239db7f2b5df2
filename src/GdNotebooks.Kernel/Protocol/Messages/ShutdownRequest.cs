using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Protocol.Messages;

/// <summary><c>shutdown_request</c>; with restart, the front end will start a fresh kernel after this one exits.</summary>
public sealed record ShutdownRequest([property: JsonPropertyName("restart")] bool Restart = false);
