using System.Text.Json;
using System.Text.Json.Nodes;

namespace GdNotebooks.Kernel;

/// <summary>
/// Writes and removes the kernelspec (<c>kernel.json</c> and <c>logo-64x64.png</c>) where Jupyter looks for it, as
/// <c>jupyter kernelspec install</c> would, without needing Jupyter: <c>--user</c> →
/// <c>~/.local/share/jupyter/kernels/NAME</c> (or the platform's user data dir), <c>--prefix P</c> →
/// <c>P/share/jupyter/kernels/NAME</c>.
/// </summary>
public static class KernelSpecInstaller
{
    /// <summary>The default kernelspec name.</summary>
    public const string DefaultName = "gdnotebooks";

    /// <summary>The kernel directory for a user install (honours JUPYTER_DATA_DIR).</summary>
    public static string UserKernelDirectory(string name)
    {
        var dataDir = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (string.IsNullOrEmpty(dataDir))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            dataDir = OperatingSystem.IsWindows() ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter")
                : OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Jupyter")
                : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".local", "share"), "jupyter");
        }
        return Path.Combine(dataDir, "kernels", name);
    }

    /// <summary>The kernel directory under an installation prefix.</summary>
    public static string PrefixKernelDirectory(string prefix, string name) => Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels", name);

    /// <summary>
    /// The command Jupyter runs: gdnb started again as <see cref="SelfLaunch.Command"/> works it out, followed by
    /// <c>kernel start -f {connection_file}</c>.
    /// </summary>
    public static IReadOnlyList<string> LaunchCommand(string entryAssemblyPath, string? processPath) =>
        SelfLaunch.Command(entryAssemblyPath, processPath, ["kernel", "start", "-f", "{connection_file}"]);

    /// <summary>The kernel.json for <paramref name="argv"/>.</summary>
    public static JsonObject KernelJson(IReadOnlyList<string> argv) => new()
    {
        ["argv"] = new JsonArray(argv.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
        ["display_name"] = "C# (GdNotebooks)",
        ["language"] = "csharp",
        ["interrupt_mode"] = "message",
        ["env"] = new JsonObject { ["DOTNET_TieredPGO"] = "0", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
        ["metadata"] = new JsonObject { ["debugger"] = false, ["gdnotebooks"] = new JsonObject { ["protocol_version"] = "5.3" } },
    };

    /// <summary>Writes kernel.json and the logo into <paramref name="kernelDirectory"/>, replacing an older install.</summary>
    public static void Install(string kernelDirectory, IReadOnlyList<string> argv)
    {
        Directory.CreateDirectory(kernelDirectory);
        var json = KernelJson(argv).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(Path.Combine(kernelDirectory, "kernel.json"), json + "\n");
        File.WriteAllBytes(Path.Combine(kernelDirectory, "logo-64x64.png"), KernelLogo.Png(64));
        File.WriteAllBytes(Path.Combine(kernelDirectory, "logo-32x32.png"), KernelLogo.Png(32));
    }

    /// <summary>Removes an installed kernelspec; false if there was none.</summary>
    public static bool Uninstall(string kernelDirectory)
    {
        if (!File.Exists(Path.Combine(kernelDirectory, "kernel.json"))) return false;
        Directory.Delete(kernelDirectory, recursive: true);
        return true;
    }
}
