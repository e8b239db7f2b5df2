using System.Runtime.InteropServices;
using GdNotebooks.Kernel.Execution;
using GdNotebooks.Kernel.Protocol;
using GdNotebooks.Kernel.Transport;

namespace GdNotebooks.Kernel;

/// <summary>Starts the Jupyter kernel on a connection file: what <c>gdnb kernel start -f FILE</c> runs.</summary>
public static class KernelHost
{
    /// <summary>
    /// Binds the channels the connection file names and serves until shutdown. Returns the process exit code:
    /// 0 after a clean shutdown, 1 when the kernel cannot start (libzmq missing, port taken).
    /// </summary>
    /// <exception cref="UsageException">A bad connection file, or an empty key without <see cref="KernelOptions.AllowUnsigned"/>
    /// (see <see cref="Check"/>); the CLI reports it with its usage errors, before anything starts.</exception>
    public static int Run(string connectionFilePath, KernelOptions? options = null)
    {
        options ??= new KernelOptions();
        KernelLog.Verbose = options.Verbose;
        KernelLog.Debug("starting");
        // Roslyn's first compilation is most of a kernel's start-up: it begins now, split over two threads, while the
        // connection file is read and the sockets bound (see ExecutionEngine.WarmUpAsync).
        _ = ExecutionEngine.WarmUpCompilerAsync();
        var engineReady = Task.Run(() =>
        {
            var created = NotebookEngine.Create();
            options.ConfigureEngine?.Invoke(created);
            _ = created.WarmUpAsync().ContinueWith(_ => KernelLog.Debug("Roslyn warm-up done"), TaskScheduler.Default);
            KernelLog.Debug("engine created");
            return created;
        });
        var (connection, signer) = Check(connectionFilePath, options);
        if (!signer.IsSigning)
            KernelLog.Warn("WARNING: running WITHOUT message signing (--allow-unsigned). Anyone who can reach these ports can run code as you.");
        KernelLog.Debug("connection file read");
        using var engine = engineReady.GetAwaiter().GetResult();

        ZmqKernelTransport transport;
        try { transport = new ZmqKernelTransport(connection); }
        catch (Exception e) when (e is DllNotFoundException or IOException)
        {
            KernelLog.Warn(e.Message);
            return 1;
        }
        using (transport)
        {
            var server = new KernelServer(transport, new WireCodec(signer), engine);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                server.Interrupt();
            });
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                server.Stop();
            });
            KernelLog.Debug($"serving {connection.Endpoint(connection.ShellPort)} (shell)");
            server.Run();
        }
        return 0;
    }

    /// <summary>
    /// Reads and checks the connection file without binding anything, so <c>gdnb kernel start</c> can report a bad file
    /// as a usage error before the kernel starts.
    /// </summary>
    /// <exception cref="UsageException">The file is missing or unreadable, not valid JSON, names an unknown transport or
    /// signature scheme, or has an empty key without <see cref="KernelOptions.AllowUnsigned"/>.</exception>
    public static (ConnectionInfo Connection, MessageSigner Signer) Check(string connectionFilePath, KernelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connection = ConnectionInfo.Load(connectionFilePath);
        var signer = new MessageSigner(connection.Key, connection.SignatureScheme);
        if (!signer.IsSigning && !options.AllowUnsigned)
            throw new UsageException($"refusing to start: the connection file {connectionFilePath} has an empty key, so anyone who can " +
                                     "reach the ports could run code. Use a key, or pass --allow-unsigned if you really mean it.");
        return (connection, signer);
    }
}
