using System.Text.Json;
using GdNotebooks.Charts;

namespace GdNotebooks.Tests.Charts;

public sealed class PlotlySourceTests
{
    [Fact]
    public void Default_is_the_pinned_cdn_script()
    {
        PlotlySource cdn = PlotlySource.Cdn();
        Assert.Equal(PlotlySourceKind.Cdn, cdn.Kind);
        Assert.Equal("https://cdn.plot.ly/plotly-2.35.2.min.js", cdn.Location);
        Assert.Equal("plotly.js from https://cdn.plot.ly/plotly-2.35.2.min.js", cdn.Describe());
        Assert.Equal(cdn, PlotlySource.Resolve(preferInline: false, fromEnvironment: null));
    }

    [Fact]
    public void Environment_variable_names_the_file_to_inline()
    {
        string file = Path.GetTempFileName();
        try
        {
            PlotlySource source = PlotlySource.Resolve(preferInline: false, fromEnvironment: file);
            Assert.Equal(PlotlySourceKind.Inline, source.Kind);
            Assert.Equal(Path.GetFullPath(file), source.Location);
            Assert.StartsWith("plotly.js inlined from ", source.Describe());
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Environment_variable_naming_a_missing_file_is_a_usage_error()
    {
        var error = Assert.Throws<UsageException>(() => PlotlySource.Resolve(true, "/nonexistent/plotly.min.js"));
        Assert.Contains(PlotlySource.EnvironmentVariable, error.Message);
        Assert.Throws<UsageException>(() => PlotlySource.Inline("/nonexistent/plotly.min.js"));
        Assert.Throws<UsageException>(() => PlotlySource.Cdn("not a url"));
    }

    [Fact]
    public void Preferring_inline_uses_the_npm_copy_when_installed()
    {
        PlotlySource source = PlotlySource.Resolve(preferInline: true, fromEnvironment: null);
        string? npm = PlotlySource.FindNpmCopy();
        if (npm is null) Assert.Equal(PlotlySource.Cdn(), source);
        else Assert.Equal(PlotlySource.Inline(npm), source);
    }

    [Fact]
    public void Npm_package_is_pinned_to_the_cdn_version()
    {
        string? root = null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && root is null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "package.json"))) root = dir.FullName;
        Assert.NotNull(root);
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "package.json")));
        Assert.Equal(PlotlySource.Version, package.RootElement.GetProperty("devDependencies").GetProperty("plotly.js-dist-min").GetString());
    }
}
