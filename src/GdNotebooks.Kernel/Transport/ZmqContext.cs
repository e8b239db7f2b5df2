namespace GdNotebooks.Kernel.Transport;

/// <summary>A libzmq context: owns the I/O threads and must outlive every socket made from it.</summary>
internal sealed class ZmqContext : IDisposable
{
    private IntPtr _handle;

    public ZmqContext()
    {
        ZmqLibrary.EnsureLoaded();
        ZmqNative.Version(out var major, out _, out _);
        if (major < 4) throw new DllNotFoundException($"libzmq {major}.x found, but 4.x is needed: apt-get install libzmq5");
        _handle = ZmqNative.ContextNew();
        if (_handle == IntPtr.Zero) throw new InvalidOperationException("zmq_ctx_new failed: " + ZmqNative.DescribeLastError());
    }

    /// <summary>Creates a socket of a libzmq type (<see cref="ZmqNative.Router"/>, <see cref="ZmqNative.Pub"/>…).</summary>
    public ZmqSocket CreateSocket(int type)
    {
        ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
        var socket = ZmqNative.Socket(_handle, type);
        if (socket == IntPtr.Zero) throw new InvalidOperationException("zmq_socket failed: " + ZmqNative.DescribeLastError());
        return new ZmqSocket(socket);
    }

    /// <summary>Terminates the context; every socket must already be closed.</summary>
    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);
        if (handle == IntPtr.Zero) return;
        while (ZmqNative.ContextTerminate(handle) != 0 && ZmqNative.LastError() == ZmqNative.ErrorInterrupted) { }
    }
}
