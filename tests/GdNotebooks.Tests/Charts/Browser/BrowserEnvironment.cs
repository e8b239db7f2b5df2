using GdNotebooks.Charts;

namespace GdNotebooks.Tests.Charts.Browser;

/// <summary>
/// What the browser tests need: Chromium (Debian's, at /usr/bin/chromium, or GDNB_CHROMIUM), node, and the npm packages
/// from the repository's package.json (npm ci). <see cref="MissingReason"/> says what is absent, or null.
/// </summary>
internal static class BrowserEnvironment
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Chromium { get; } = Environment.GetEnvironmentVariable("GDNB_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";

    public static string NodeModules => Path.Combine(RepositoryRoot, "node_modules");
    public static string PlotlyJs => Path.Combine(RepositoryRoot, PlotlySource.NpmRelativePath);
    public static string RequireJs => Path.Combine(NodeModules, "requirejs", "require.js");
    public static string KatexDist => Path.Combine(NodeModules, "katex", "dist");
    public static string Script => Path.Combine(RepositoryRoot, "tests", "GdNotebooks.Tests", "Charts", "Browser", "render-check.mjs");
    public static string? Node { get; } = FindOnPath("node");

    /// <summary>True under CI (CI=true), where the browser tests must run, never skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? MissingReason
    {
        get
        {
            if (!File.Exists(Chromium)) return $"Chromium not found at {Chromium} (apt-get install -y chromium)";
            if (Node is null) return "node not found on PATH (apt-get install -y nodejs npm)";
            foreach (string file in new[] { PlotlyJs, RequireJs, Path.Combine(KatexDist, "katex.min.js"), Path.Combine(NodeModules, "playwright-core", "package.json") })
                if (!File.Exists(file)) return $"{file} not found (run npm ci in {RepositoryRoot})";
            return null;
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GdNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no GdNotebooks.sln above {AppContext.BaseDirectory}");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
