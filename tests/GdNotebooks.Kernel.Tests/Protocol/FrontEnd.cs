using System.Text;
using System.Text.Json;
using GdNotebooks.Kernel.Execution;
using GdNotebooks.Kernel.Protocol;
using GdNotebooks.Kernel.Transport;

namespace GdNotebooks.Kernel.Tests.Protocol;

/// <summary>A test front end driving a <see cref="KernelServer"/> over the in-memory transport.</summary>
internal sealed class FrontEnd : IDisposable
{
    public const string Key = "a-test-key";
    public static readonly byte[] Identity = "client-7"u8.ToArray();

    private readonly MessageSession _session = new() { Username = "tester" };
    private readonly CancellationTokenSource _stop = new();

    /// <param name="key">The key the front end signs with (the kernel always uses <see cref="Key"/>).</param>
    /// <param name="options">The kernel's options.</param>
    /// <param name="kernelSide">Wraps the transport the kernel sees, to watch or act on what it sends.</param>
    public FrontEnd(string key = Key, KernelServerOptions? options = null, Func<InMemoryKernelTransport, IKernelTransport>? kernelSide = null)
    {
        Transport = new InMemoryKernelTransport();
        Codec = new WireCodec(new MessageSigner(Key));
        ClientCodec = new WireCodec(new MessageSigner(key));
        Engine = new ExecutionEngine();
        Server = new KernelServer(kernelSide?.Invoke(Transport) ?? Transport, new WireCodec(new MessageSigner(key)), Engine, options);
        Serving = Task.Factory.StartNew(() => Server.Run(_stop.Token), TaskCreationOptions.LongRunning);
        var starting = NextIoPub();
        Assert.Equal("status", starting.MessageType);
    }

    public InMemoryKernelTransport Transport { get; }
    public WireCodec Codec { get; }
    public WireCodec ClientCodec { get; }
    public ExecutionEngine Engine { get; }
    public KernelServer Server { get; }
    public Task Serving { get; }

    public JupyterMessage Request(string type, object content) => _session.Create(type, content, null, [Identity]);

    public IReadOnlyList<byte[]> Frames(JupyterMessage message) => ClientCodec.Encode(message);

    public JupyterMessage SendShell(string type, object content)
    {
        var message = Request(type, content);
        Transport.ShellChannel.ClientEnd.Send(Frames(message));
        return message;
    }

    public JupyterMessage SendControl(string type, object content)
    {
        var message = Request(type, content);
        Transport.ControlChannel.ClientEnd.Send(Frames(message));
        return message;
    }

    public JupyterMessage NextShell(TimeSpan? timeout = null) => Next(Transport.ShellChannel.ClientEnd, timeout);

    public JupyterMessage NextControl(TimeSpan? timeout = null) => Next(Transport.ControlChannel.ClientEnd, timeout);

    public JupyterMessage NextIoPub(TimeSpan? timeout = null) => Next(Transport.IoPubChannel.ClientEnd, timeout);

    public bool NothingOn(IMessageSocket socket, TimeSpan wait) => !socket.TryReceive(wait, out _);

    /// <summary>Iopub messages answering <paramref name="request"/>, from its busy status to its idle status.</summary>
    public List<JupyterMessage> IoPubUntilIdle(JupyterMessage request)
    {
        var messages = new List<JupyterMessage>();
        while (true)
        {
            var message = NextIoPub();
            if (message.ParentHeader?.MessageId != request.Header.MessageId) continue;
            messages.Add(message);
            if (message.MessageType == "status" && message.Content.GetProperty("execution_state").GetString() == "idle") return messages;
        }
    }

    private JupyterMessage Next(IMessageSocket socket, TimeSpan? timeout)
    {
        Assert.True(socket.TryReceive(timeout ?? TimeSpan.FromSeconds(30), out var frames), "no message arrived in time");
        // Messages from the kernel are signed with the real key: check them with the real codec.
        return new WireCodec(new MessageSigner(Key)).Decode(frames);
    }

    public static string Text(JsonElement content, string property) => content.GetProperty(property).GetString() ?? "";

    public void Dispose()
    {
        _stop.Cancel();
        Serving.Wait(TimeSpan.FromSeconds(10));
        Engine.Dispose();
    }

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
