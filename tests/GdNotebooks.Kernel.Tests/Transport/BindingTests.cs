using System.Globalization;
using System.Net;
using System.Net.Sockets;
using GdNotebooks.Kernel.Transport;

namespace GdNotebooks.Kernel.Tests.Transport;

/// <summary>The kernel listens exactly where the connection file says, and refuses to run unsigned unless told to.</summary>
public sealed class BindingTests
{
    [Fact]
    public void Every_channel_listens_on_the_connection_files_address_only()
    {
        var ports = Enumerable.Range(0, 5).Select(_ => FreePort()).ToArray();
        var connection = new ConnectionInfo
        {
            Ip = "127.0.0.1", Key = "k",
            ShellPort = ports[0], ControlPort = ports[1], StdinPort = ports[2], IoPubPort = ports[3], HeartbeatPort = ports[4],
        };
        using var transport = new ZmqKernelTransport(connection);

        var listening = ListeningSockets();
        foreach (var port in ports)
        {
            var addresses = listening.Where(l => l.Port == port).Select(l => l.Address).ToList();
            Assert.Equal([IPAddress.Loopback], addresses);
        }
    }

    [Fact]
    public void An_empty_key_is_refused_unless_allow_unsigned_is_given()
    {
        string file = Path.Combine(Path.GetTempPath(), $"gdnb-conn-{Guid.NewGuid():N}.json");
        var ports = Enumerable.Range(0, 5).Select(_ => FreePort()).ToArray();
        File.WriteAllText(file, $$"""
            {"transport":"tcp","ip":"127.0.0.1","key":"","signature_scheme":"hmac-sha256",
             "shell_port":{{ports[0]}},"control_port":{{ports[1]}},"stdin_port":{{ports[2]}},"iopub_port":{{ports[3]}},"hb_port":{{ports[4]}}}
            """);
        try
        {
            var gdnb = Conformance.Paths.GdnbDll();
            var (exit, output) = Conformance.Paths.Run("dotnet", [gdnb, "kernel", "start", "-f", file], null, TimeSpan.FromSeconds(60));
            Assert.Equal(2, exit);
            Assert.Contains("empty key", output);
            Assert.Contains("--allow-unsigned", output);

            // Told to, it starts (with a warning), and a shutdown over the wire is not needed: it is killed at the timeout.
            var (_, unsigned) = Conformance.Paths.Run("dotnet", [gdnb, "kernel", "start", "-f", file, "--allow-unsigned"], null, TimeSpan.FromSeconds(4));
            Assert.Contains("WITHOUT message signing", unsigned);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Listening TCP sockets from /proc/net/tcp (IPv4, state 0A = LISTEN).</summary>
    private static List<(IPAddress Address, int Port)> ListeningSockets()
    {
        var result = new List<(IPAddress, int)>();
        foreach (var line in File.ReadLines("/proc/net/tcp").Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields[3] != "0A") continue;
            var local = fields[1].Split(':');
            uint raw = uint.Parse(local[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            result.Add((new IPAddress(raw), int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
        }
        return result;
    }
}
