using System.Reflection;
using System.Runtime.InteropServices;

namespace GdNotebooks.Kernel.Transport;

/// <summary>
/// Finds libzmq 4.x at run time: <c>libzmq.so.5</c> on Linux (Debian's <c>libzmq5</c>), the platform's usual
/// name elsewhere, and fails with a message that says which package to install.
/// </summary>
internal static class ZmqLibrary
{
    /// <summary>The name the P/Invoke declarations use; the resolver maps it to the real file.</summary>
    public const string Name = "libzmq";

    private static readonly Lazy<IntPtr> Handle = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Loads libzmq once and routes the <see cref="Name"/> imports of this assembly to it.</summary>
    /// <exception cref="DllNotFoundException">No libzmq could be loaded; the message names the package to install.</exception>
    public static void EnsureLoaded() => _ = Handle.Value;

    private static IntPtr Load()
    {
        var errors = new List<string>();
        foreach (var candidate in Candidates())
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                NativeLibrary.SetDllImportResolver(typeof(ZmqLibrary).Assembly, Resolve);
                return handle;
            }
            errors.Add(candidate);
        }
        throw new DllNotFoundException(
            $"ZeroMQ (libzmq 4.x) was not found (tried {string.Join(", ", errors)}). Install it: " +
            "Debian/Ubuntu 'apt-get install libzmq5', Fedora 'dnf install zeromq', macOS 'brew install zeromq', " +
            "Windows: put libzmq.dll next to gdnb.dll or on PATH.");
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Name ? Handle.Value : IntPtr.Zero;

    private static IEnumerable<string> Candidates()
    {
        var overridePath = Environment.GetEnvironmentVariable("GDNB_LIBZMQ");
        if (!string.IsNullOrEmpty(overridePath)) yield return overridePath;
        if (OperatingSystem.IsLinux())
        {
            yield return "libzmq.so.5";
            yield return "libzmq.so";
        }
        else if (OperatingSystem.IsMacOS())
        {
            yield return "libzmq.5.dylib";
            yield return "libzmq.dylib";
            yield return "/opt/homebrew/lib/libzmq.5.dylib";
            yield return "/usr/local/lib/libzmq.5.dylib";
        }
        else
        {
            yield return "libzmq";
            yield return "libzmq-v143-mt-4_3_5";
        }
    }
}
