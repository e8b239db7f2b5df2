using GdNotebooks.Cli;
using GdNotebooks.Tests.Notebooks;

namespace GdNotebooks.Tests.Cli;

/// <summary>
/// Runs one malformed <c>gdnb</c> command in-process, in a scratch folder, and checks what every usage error must do:
/// exit 2; one line on stderr, <c>gdnb VERB: …</c>, holding every expected fragment (the bad option or text, and the
/// valid choices where there is a closed set); nothing on stdout; no file written.
/// </summary>
/// <remarks>
/// <c>{dir}</c> in an argument is the scratch folder, which holds a few inputs to point at: <c>good.dib</c>,
/// <c>good.ipynb</c>, <c>bad.ipynb</c> (broken JSON), <c>notes.txt</c>, an empty folder <c>empty/</c>, a file
/// <c>blocker</c> (so <c>{dir}/blocker/x</c> cannot be created) and connection files for <c>kernel start</c>.
/// So that "no file written" means something, commands that would write somewhere write into the scratch folder unless
/// the case says where: experiment verbs get <c>--chart {dir}/chart.html</c>, <c>run</c> gets <c>--out {dir}/out</c>.
/// </remarks>
internal static class BadInput
{
    /// <param name="why">The case, as the test list names it; failure messages start with it.</param>
    public static void AssertRefused(string verb, string why, string[] expected, string[] args, bool multiLine = false)
    {
        using var dir = new ScratchDirectory();
        Populate(dir);
        var before = Listing(dir.Path);
        var argv = WithDefaults(verb, args.Select(a => a.Replace("{dir}", dir.Path)).ToList(), dir.Path);

        var (exit, stdout, stderr) = GdnbRunner.Run([verb, .. argv]);

        string command = $"{why}: gdnb {verb} {string.Join(' ', argv.Select(a => a.Contains(' ') || a.Length == 0 ? $"\"{a}\"" : a))}";
        Assert.True(exit == Gdnb.Usage, $"{command}: exit {exit}, stderr: {stderr}");
        Assert.True(stdout.Length == 0, $"{command}: printed on stdout: {stdout}");
        Assert.True(stderr.StartsWith($"gdnb {verb}: ", StringComparison.Ordinal), $"{command}: stderr does not start with \"gdnb {verb}: \": {stderr}");
        if (!multiLine) Assert.True(stderr.TrimEnd().Split('\n').Length == 1, $"{command}: more than one line on stderr: {stderr}");
        foreach (string fragment in expected)
            Assert.True(stderr.Contains(fragment.Replace("{dir}", dir.Path), StringComparison.Ordinal),
                $"{command}: stderr lacks \"{fragment}\": {stderr}");
        Assert.True(before.SequenceEqual(Listing(dir.Path)), $"{command}: wrote files: {string.Join(", ", Listing(dir.Path).Except(before))}");
    }

    /// <summary>Where a valid command would write, for the sanity checks that the defaults really do write there.</summary>
    public static IReadOnlyList<string> WithDefaults(string verb, List<string> args, string dir)
    {
        if (Interactive.Commands.ExperimentCommands.Find(verb) is not null && !args.Contains("--chart"))
            return ["--chart", Path.Combine(dir, "chart.html"), .. args];
        if (verb == "run" && !args.Any(a => a.StartsWith("--out", StringComparison.Ordinal)))
            return ["--out", Path.Combine(dir, "out"), .. args];
        return args;
    }

    public static void Populate(ScratchDirectory dir)
    {
        dir.Write("good.dib", "#!csharp\n\n1 + 1\n");
        dir.Write("good.ipynb", """
            {"cells": [{"cell_type": "code", "execution_count": null, "id": "a1", "metadata": {}, "outputs": [], "source": ["1 + 1"]}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        dir.Write("bad.ipynb", "{\"cells\": [,\n");
        dir.Write("notes.txt", "not a notebook");
        dir.Write("blocker", "a file where a folder would go");
        Directory.CreateDirectory(dir.File("empty"));
        const string ports = "\"ip\": \"127.0.0.1\", \"shell_port\": 1, \"control_port\": 2, \"stdin_port\": 3, \"iopub_port\": 4, \"hb_port\": 5";
        dir.Write("bad.json", "{\"transport\": ");
        dir.Write("udp.json", $$"""{"transport": "udp", {{ports}}, "key": "k", "signature_scheme": "hmac-sha256"}""");
        dir.Write("md5.json", $$"""{"transport": "tcp", {{ports}}, "key": "k", "signature_scheme": "hmac-md5"}""");
        dir.Write("unsigned.json", $$"""{"transport": "tcp", {{ports}}, "key": "", "signature_scheme": "hmac-sha256"}""");
    }

    private static string[] Listing(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p) + (File.Exists(p) ? $" {new FileInfo(p).Length}" : "/"))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
