using System.Text.Json;
using System.Text.Json.Serialization;

namespace GdNotebooks.Kernel.Transport;

/// <summary>
/// The connection file a Jupyter front end writes before launching a kernel: where to bind each channel and
/// the key that signs every message.
/// </summary>
public sealed record ConnectionInfo
{
    [JsonPropertyName("transport")] public string Transport { get; init; } = "tcp";
    [JsonPropertyName("ip")] public string Ip { get; init; } = "127.0.0.1";
    [JsonPropertyName("shell_port")] public int ShellPort { get; init; }
    [JsonPropertyName("control_port")] public int ControlPort { get; init; }
    [JsonPropertyName("stdin_port")] public int StdinPort { get; init; }
    [JsonPropertyName("iopub_port")] public int IoPubPort { get; init; }
    [JsonPropertyName("hb_port")] public int HeartbeatPort { get; init; }
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("signature_scheme")] public string SignatureScheme { get; init; } = "hmac-sha256";
    [JsonPropertyName("kernel_name")] public string? KernelName { get; init; }

    /// <summary>Reads and checks a connection file.</summary>
    /// <exception cref="UsageException">The file is missing, is not JSON, or names an unknown transport.</exception>
    public static ConnectionInfo Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (IOException e) { throw new UsageException($"cannot read connection file '{path}': {e.Message}"); }
        catch (UnauthorizedAccessException e) { throw new UsageException($"cannot read connection file '{path}': {e.Message}"); }
        return Parse(text, path);
    }

    /// <summary>Parses connection-file JSON; <paramref name="source"/> names it in error messages.</summary>
    public static ConnectionInfo Parse(string json, string source = "connection file")
    {
        ConnectionInfo? info;
        try { info = JsonSerializer.Deserialize<ConnectionInfo>(json); }
        catch (JsonException e) { throw new UsageException($"{source} is not valid JSON: {e.Message}"); }
        if (info is null) throw new UsageException($"{source} is empty");
        if (info.Transport is not ("tcp" or "ipc"))
            throw UsageException.UnknownChoice("transport", info.Transport, ["tcp", "ipc"]);
        return info;
    }

    /// <summary>
    /// The ZeroMQ endpoint for a port, as jupyter_client spells it: <c>tcp://ip:port</c>, or for ipc
    /// <c>ipc://ip-port</c> (the "ip" is then a path prefix).
    /// </summary>
    public string Endpoint(int port) =>
        Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"tcp://{(Ip.Contains(':') ? "[" + Ip + "]" : Ip)}:{port}";
}
