using System.Runtime.InteropServices;

namespace GdNotebooks.Kernel.Transport;

/// <summary>The few libzmq 4.x functions the kernel needs, declared as they are in zmq.h.</summary>
internal static unsafe partial class ZmqNative
{
    public const int Pub = 1, Rep = 4, Router = 6, Dealer = 5, Sub = 2, Req = 3;
    public const int SndMore = 2, DontWait = 1;
    public const short PollIn = 1;
    public const int OptionLinger = 17, OptionMaxMessageSize = 22, OptionSendHighWaterMark = 23, OptionReceiveHighWaterMark = 24;
    public const int OptionRouterHandover = 56, OptionSubscribe = 6, OptionIdentity = 5;
    public const int ErrorInterrupted = 4, ErrorAgain = 11;
    public const int ErrorTerminated = 156384712 + 53;

    /// <summary><c>zmq_msg_t</c>: 64 opaque bytes, pointer-aligned.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    public struct Message { private readonly long _first; }

    /// <summary><c>zmq_pollitem_t</c>; <c>fd</c> is an int on POSIX and a SOCKET (pointer-sized) on Windows.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollItem
    {
        public IntPtr Socket;
        public nint FileDescriptor;
        public short Events;
        public short ReturnedEvents;
    }

    /// <summary>The POSIX layout of <c>zmq_pollitem_t</c> (fd is 32 bits).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollItemPosix
    {
        public IntPtr Socket;
        public int FileDescriptor;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_version")]
    public static partial void Version(out int major, out int minor, out int patch);

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_ctx_new")]
    public static partial IntPtr ContextNew();

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_ctx_term")]
    public static partial int ContextTerminate(IntPtr context);

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_socket")]
    public static partial IntPtr Socket(IntPtr context, int type);

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_close")]
    public static partial int Close(IntPtr socket);

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_bind", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Bind(IntPtr socket, string endpoint);

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_connect", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Connect(IntPtr socket, string endpoint);

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_setsockopt")]
    public static partial int SetOption(IntPtr socket, int option, void* value, nuint size);

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_send")]
    public static partial int Send(IntPtr socket, byte* buffer, nuint length, int flags);

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_msg_init")]
    public static partial int MessageInit(Message* message);

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_msg_recv")]
    public static partial int MessageReceive(Message* message, IntPtr socket, int flags);

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_msg_data")]
    public static partial byte* MessageData(Message* message);

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_msg_size")]
    public static partial nuint MessageSize(Message* message);

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_msg_more")]
    public static partial int MessageMore(Message* message);

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_msg_close")]
    public static partial int MessageClose(Message* message);

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_poll")]
    public static partial int Poll(void* items, int count, long timeoutMilliseconds);

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_errno")]
    public static partial int LastError();

    [LibraryImport(ZmqLibrary.Name, EntryPoint = "zmq_strerror")]
    public static partial IntPtr ErrorText(int error);

    /// <summary>The text of libzmq's last error on this thread, with its number.</summary>
    public static string DescribeLastError()
    {
        var error = LastError();
        return $"{Marshal.PtrToStringUTF8(ErrorText(error))} (errno {error})";
    }
}
