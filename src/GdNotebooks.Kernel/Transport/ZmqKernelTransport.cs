namespace GdNotebooks.Kernel.Transport;

/// <summary>
/// The kernel's channels over ZeroMQ, bound exactly where the connection file says: ROUTER sockets for
/// shell, control and stdin, PUB for iopub, and a REP socket echoing heartbeats on its own thread.
/// </summary>
public sealed class ZmqKernelTransport : IKernelTransport
{
    private readonly ZmqContext _context;
    private readonly ZmqSocket _shell, _control, _stdin, _iopub, _heartbeat;
    private readonly Thread _heartbeatThread;
    private volatile bool _stopping;

    /// <summary>Creates and binds every channel.</summary>
    /// <exception cref="DllNotFoundException">libzmq is not installed (the message names the package).</exception>
    /// <exception cref="IOException">A port cannot be bound.</exception>
    public ZmqKernelTransport(ConnectionInfo connection)
    {
        _context = new ZmqContext();
        var sockets = new List<ZmqSocket>();
        try
        {
            _shell = Bound(ZmqNative.Router, connection.ShellPort);
            _control = Bound(ZmqNative.Router, connection.ControlPort);
            _stdin = Bound(ZmqNative.Router, connection.StdinPort);
            _iopub = Bound(ZmqNative.Pub, connection.IoPubPort);
            _heartbeat = Bound(ZmqNative.Rep, connection.HeartbeatPort);
        }
        catch
        {
            foreach (var s in sockets) s.Dispose();
            _context.Dispose();
            throw;
        }
        _heartbeatThread = new Thread(EchoHeartbeats) { IsBackground = true, Name = "jupyter heartbeat" };
        _heartbeatThread.Start();

        ZmqSocket Bound(int type, int port)
        {
            var socket = _context.CreateSocket(type);
            sockets.Add(socket);
            if (type == ZmqNative.Router) socket.SetInt(ZmqNative.OptionRouterHandover, 1);
            socket.Bind(connection.Endpoint(port));
            return socket;
        }
    }

    /// <inheritdoc />
    public IMessageSocket Shell => _shell;
    /// <inheritdoc />
    public IMessageSocket Control => _control;
    /// <inheritdoc />
    public IMessageSocket Stdin => _stdin;
    /// <inheritdoc />
    public IMessageSocket IoPub => _iopub;

    private void EchoHeartbeats()
    {
        try
        {
            while (!_stopping)
            {
                if (_heartbeat.TryReceive(TimeSpan.FromMilliseconds(100), out var ping))
                    _heartbeat.Send(ping);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            if (!_stopping) KernelLog.Warn("heartbeat stopped: " + e.Message);
        }
    }

    /// <summary>Stops the heartbeat, closes every socket (iopub lingers briefly to deliver the last status) and the context.</summary>
    public void Dispose()
    {
        if (_stopping) return;
        _stopping = true;
        _heartbeatThread.Join(TimeSpan.FromSeconds(2));
        _heartbeat.Dispose();
        _shell.Dispose();
        _control.Dispose();
        _stdin.Dispose();
        _iopub.Dispose();
        _context.Dispose();
    }
}
