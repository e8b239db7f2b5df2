namespace GdNotebooks.Charts;

/// <summary>
/// Where HTML output gets plotly.js: <see cref="Cdn"/> (a URL, Plotly's CDN by default) or <see cref="Inline"/>
/// (a local <c>plotly.min.js</c> copied into the page, so it draws offline). <see cref="Resolve(bool)"/> picks one:
/// the file named by the environment variable <c>GDNB_PLOTLY_JS</c>; else, when inlining is wanted, the npm package
/// <c>plotly.js-dist-min</c> found in a <c>node_modules</c> folder above the current directory or the application's
/// folder (installed by <c>npm ci</c>); else the CDN. <see cref="Describe"/> says which, for a line on stderr.
/// </summary>
public sealed record PlotlySource
{
    /// <summary>The plotly.js version this library writes JSON for and loads from the CDN (the npm package is pinned to it).</summary>
    public const string Version = "2.35.2";
    /// <summary>The pinned CDN script.</summary>
    public const string DefaultCdnUrl = "https://cdn.plot.ly/plotly-" + Version + ".min.js";
    /// <summary>Environment variable naming a plotly.min.js file to inline.</summary>
    public const string EnvironmentVariable = "GDNB_PLOTLY_JS";
    /// <summary>The npm package's file, relative to a folder that holds node_modules.</summary>
    public static readonly string NpmRelativePath = Path.Combine("node_modules", "plotly.js-dist-min", "plotly.min.js");

    private PlotlySource(PlotlySourceKind kind, string location) => (Kind, Location) = (kind, location);

    public PlotlySourceKind Kind { get; }
    /// <summary>The URL (CDN) or the full file path (inline).</summary>
    public string Location { get; }

    /// <summary>Load plotly.js from <paramref name="url"/> (Plotly's pinned CDN script by default).</summary>
    public static PlotlySource Cdn(string url = DefaultCdnUrl)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out _)) throw new UsageException($"plotly.js URL '{url}' is not an absolute URL");
        return new(PlotlySourceKind.Cdn, url);
    }

    /// <summary>Copy the plotly.js file at <paramref name="path"/> into the page.</summary>
    public static PlotlySource Inline(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new UsageException($"plotly.js file '{path}' does not exist");
        return new(PlotlySourceKind.Inline, full);
    }

    /// <summary>
    /// Chooses the source: <c>GDNB_PLOTLY_JS</c> if set (it must name an existing file), else the npm copy if
    /// <paramref name="preferInline"/> and one is found (<see cref="FindNpmCopy"/>), else the CDN.
    /// </summary>
    public static PlotlySource Resolve(bool preferInline = true) =>
        Resolve(preferInline, Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary><see cref="Resolve(bool)"/> with the variable's value passed in, so tests need not set it.</summary>
    internal static PlotlySource Resolve(bool preferInline, string? fromEnvironment)
    {
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (!File.Exists(fromEnvironment))
                throw new UsageException($"{EnvironmentVariable}='{fromEnvironment}' does not name a file; point it at plotly.min.js or unset it");
            return Inline(fromEnvironment);
        }
        if (preferInline && FindNpmCopy() is { } npm) return Inline(npm);
        return Cdn();
    }

    /// <summary>
    /// The first <c>node_modules/plotly.js-dist-min/plotly.min.js</c> found walking up from the current directory,
    /// then from <see cref="AppContext.BaseDirectory"/>; null when there is none.
    /// </summary>
    public static string? FindNpmCopy() => NpmCopy.Find(Path.Combine("plotly.js-dist-min", "plotly.min.js"));

    /// <summary>"plotly.js inlined from /path/plotly.min.js" or "plotly.js from https://cdn.plot.ly/…".</summary>
    public string Describe() => Kind == PlotlySourceKind.Inline ? $"plotly.js inlined from {Location}" : $"plotly.js from {Location}";

    public override string ToString() => Describe();
}
