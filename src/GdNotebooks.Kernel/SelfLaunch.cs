namespace GdNotebooks.Kernel;

/// <summary>
/// How to start gdnb again as a new process with other arguments: the Jupyter kernelspec (<c>gdnb kernel start</c>)
/// and the headless runner's worker (<c>gdnb worker</c>) both need it.
/// </summary>
public static class SelfLaunch
{
    /// <summary>
    /// The dotnet host and gdnb.dll when running under <c>dotnet</c> (<c>./gdnb</c>, a test host) or from the apphost
    /// next to gdnb.dll (<c>dotnet run</c>), else the gdnb executable, followed by <paramref name="arguments"/>. The host is
    /// an absolute path, so whoever runs the command needs no dotnet on its PATH.
    /// </summary>
    /// <param name="entryAssemblyPath">gdnb.dll's path (<c>typeof(Gdnb).Assembly.Location</c>), or a single-file executable's.</param>
    /// <param name="processPath">The running process's executable (<see cref="Environment.ProcessPath"/>).</param>
    /// <param name="arguments">The words after the command.</param>
    public static IReadOnlyList<string> Command(string entryAssemblyPath, string? processPath, IEnumerable<string> arguments)
    {
        var host = processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? processPath : null;
        if (host is null && processPath is not null && !entryAssemblyPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            return [processPath, .. arguments];
        host ??= DotnetHost();
        return [host, Path.GetFullPath(entryAssemblyPath), .. arguments];
    }

    /// <summary>
    /// The absolute path of the dotnet host running this process: <c>DOTNET_HOST_PATH</c> when set, else the
    /// <c>dotnet</c> three folders above the runtime (<c>…/shared/Microsoft.NETCore.App/10.0.x/</c>), else plain <c>dotnet</c>.
    /// </summary>
    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } envHost && File.Exists(envHost)) return envHost;
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtime is not null)
        {
            var host = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
            if (File.Exists(host)) return host;
        }
        return "dotnet";
    }
}
