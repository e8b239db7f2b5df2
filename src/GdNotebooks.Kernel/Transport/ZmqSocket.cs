namespace GdNotebooks.Kernel.Transport;

/// <summary>
/// A libzmq socket as an <see cref="IMessageSocket"/>. Like every libzmq socket it is not thread-safe:
/// one thread uses it at a time.
/// </summary>
internal sealed unsafe class ZmqSocket : IMessageSocket
{
    /// <summary>Largest message accepted from a peer; larger ones are dropped by libzmq before we see them.</summary>
    public const long MaxMessageBytes = 256L << 20;

    private IntPtr _handle;

    internal ZmqSocket(IntPtr handle)
    {
        _handle = handle;
        SetInt(ZmqNative.OptionLinger, 1000);
        long max = MaxMessageBytes;
        Check(ZmqNative.SetOption(_handle, ZmqNative.OptionMaxMessageSize, &max, sizeof(long)), "zmq_setsockopt(MAXMSGSIZE)");
    }

    /// <summary>Sets an integer socket option.</summary>
    public void SetInt(int option, int value) =>
        Check(ZmqNative.SetOption(_handle, option, &value, sizeof(int)), $"zmq_setsockopt({option})");

    /// <summary>Sets a byte-string socket option (a subscription prefix, an identity).</summary>
    public void SetBytes(int option, byte[] value)
    {
        fixed (byte* p = value)
            Check(ZmqNative.SetOption(_handle, option, p, (nuint)value.Length), $"zmq_setsockopt({option})");
    }

    /// <summary>Binds to an endpoint such as <c>tcp://127.0.0.1:5555</c>.</summary>
    public void Bind(string endpoint)
    {
        if (ZmqNative.Bind(_handle, endpoint) != 0)
            throw new IOException($"cannot bind {endpoint}: {ZmqNative.DescribeLastError()}");
    }

    /// <summary>Connects to an endpoint (used by tests playing the front end).</summary>
    public void Connect(string endpoint)
    {
        if (ZmqNative.Connect(_handle, endpoint) != 0)
            throw new IOException($"cannot connect {endpoint}: {ZmqNative.DescribeLastError()}");
    }

    /// <inheritdoc />
    public void Send(IReadOnlyList<byte[]> frames)
    {
        ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
        if (frames.Count == 0) throw new ArgumentException("a message needs at least one frame", nameof(frames));
        for (var i = 0; i < frames.Count; i++)
        {
            var flags = i < frames.Count - 1 ? ZmqNative.SndMore : 0;
            fixed (byte* p = frames[i])
            {
                while (ZmqNative.Send(_handle, p, (nuint)frames[i].Length, flags) < 0)
                {
                    if (ZmqNative.LastError() != ZmqNative.ErrorInterrupted)
                        throw new IOException("zmq_send failed: " + ZmqNative.DescribeLastError());
                }
            }
        }
    }

    /// <inheritdoc />
    public bool TryReceive(TimeSpan timeout, out IReadOnlyList<byte[]> frames)
    {
        frames = [];
        if (_handle == IntPtr.Zero || !WaitReadable(timeout)) return false;
        var parts = new List<byte[]>(8);
        ZmqNative.Message message;
        while (true)
        {
            ZmqNative.MessageInit(&message);
            while (ZmqNative.MessageReceive(&message, _handle, 0) < 0)
            {
                var error = ZmqNative.LastError();
                if (error == ZmqNative.ErrorInterrupted) continue;
                ZmqNative.MessageClose(&message);
                if (error == ZmqNative.ErrorTerminated) return false;
                throw new IOException("zmq_msg_recv failed: " + ZmqNative.DescribeLastError());
            }
            var size = checked((int)ZmqNative.MessageSize(&message));
            parts.Add(new ReadOnlySpan<byte>(ZmqNative.MessageData(&message), size).ToArray());
            var more = ZmqNative.MessageMore(&message) != 0;
            ZmqNative.MessageClose(&message);
            if (!more) break;
        }
        frames = parts;
        return true;
    }

    private bool WaitReadable(TimeSpan timeout)
    {
        var ms = timeout == Timeout.InfiniteTimeSpan ? -1L : (long)Math.Max(0, timeout.TotalMilliseconds);
        int ready;
        if (OperatingSystem.IsWindows())
        {
            var item = new ZmqNative.PollItem { Socket = _handle, Events = ZmqNative.PollIn };
            ready = ZmqNative.Poll(&item, 1, ms);
        }
        else
        {
            var item = new ZmqNative.PollItemPosix { Socket = _handle, Events = ZmqNative.PollIn };
            ready = ZmqNative.Poll(&item, 1, ms);
        }
        if (ready < 0)
        {
            var error = ZmqNative.LastError();
            if (error is ZmqNative.ErrorInterrupted or ZmqNative.ErrorTerminated) return false;
            throw new IOException("zmq_poll failed: " + ZmqNative.DescribeLastError());
        }
        return ready > 0;
    }

    /// <summary>Closes the socket; pending outgoing messages get up to the linger time (1 s) to leave.</summary>
    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);
        if (handle != IntPtr.Zero) ZmqNative.Close(handle);
    }

    private static void Check(int result, string what)
    {
        if (result != 0) throw new IOException($"{what} failed: {ZmqNative.DescribeLastError()}");
    }
}
