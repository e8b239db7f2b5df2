using GdNotebooks.Cli;
using GdNotebooks.Cli.Notebooks;

namespace GdNotebooks.Tests.Notebooks;

/// <summary><c>gdnb convert</c>, run in-process through <see cref="Gdnb.Run"/>.</summary>
public class ConvertVerbTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static (int Code, string Stdout, string Stderr) Gdnb(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = GdNotebooks.Cli.Gdnb.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Converts_dib_to_ipynb_and_back_without_loss()
    {
        string dib = _dir.Write("a.dib", NotebookSamples.CanonicalDib);
        string ipynb = _dir.File("a.ipynb");
        var (code, stdout, stderr) = Gdnb("convert", dib, ipynb);
        Assert.Equal((0, ""), (code, stdout));
        Assert.Equal($"wrote {ipynb} (6 cells, from {dib})\n", stderr.ReplaceLineEndings("\n"));
        Assert.Equal(6, NotebookFile.Read(ipynb).Cells.Count);

        string back = _dir.File("b.dib");
        Assert.Equal(0, Gdnb("convert", ipynb, back).Code);
        Assert.Equal(NotebookSamples.CanonicalDib, File.ReadAllText(back));
    }

    [Fact]
    public void Converting_to_dib_reports_what_it_dropped()
    {
        string ipynb = _dir.Write("rich.ipynb", NotebookSamples.JupyterIpynb);
        var (code, _, stderr) = Gdnb("convert", ipynb, _dir.File("rich.dib"));
        Assert.Equal(0, code);
        Assert.Contains(".dib cannot hold, so dropped or normalised: outputs (1 cell)", stderr);
        Assert.Contains($"wrote {_dir.File("rich.dib")} (4 cells", stderr);
    }

    [Fact]
    public void Ipynb_to_ipynb_normalises_in_place()
    {
        string path = _dir.Write("old.ipynb", NotebookSamples.JupyterIpynb);
        Assert.Equal(0, Gdnb("convert", path, path).Code);
        string text = File.ReadAllText(path);
        Assert.Contains("\"nbformat_minor\": 5", text);
        Assert.Contains("\"id\": ", text);
        Assert.Equal(text, IpynbFormat.Serialize(IpynbFormat.Parse(text, path)));
        Assert.Single(Directory.GetFiles(_dir.Path));
    }

    [Theory]
    [InlineData]
    [InlineData("only-one.dib")]
    [InlineData("a.dib", "b.ipynb", "c.ipynb")]
    public void Wrong_number_of_arguments_is_a_usage_error(params string[] rest)
    {
        var (code, _, stderr) = Gdnb(["convert", .. rest]);
        Assert.Equal(2, code);
        Assert.Equal("gdnb convert: expected IN and OUT, e.g. gdnb convert a.dib a.ipynb\n", stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Unknown_extension_lists_ipynb_and_dib_and_writes_nothing()
    {
        string dib = _dir.Write("a.dib", NotebookSamples.CanonicalDib);
        var (code, _, stderr) = Gdnb("convert", dib, _dir.File("a.md"));
        Assert.Equal(2, code);
        Assert.Contains("gdnb convert: ", stderr);
        Assert.Contains("'.md'; valid notebook extensions: .ipynb, .dib", stderr);
        Assert.Single(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Missing_input_is_a_usage_error()
    {
        var (code, _, stderr) = Gdnb("convert", _dir.File("nope.dib"), _dir.File("out.ipynb"));
        Assert.Equal((2, $"gdnb convert: no such file: {_dir.File("nope.dib")}\n"), (code, stderr.ReplaceLineEndings("\n")));
    }

    [Fact]
    public void Bad_json_is_a_usage_error_with_its_position_and_the_output_is_not_touched()
    {
        string bad = _dir.Write("bad.ipynb", "{\n \"cells\": [\n   oops\n");
        string output = _dir.Write("out.dib", "keep me");
        var (code, _, stderr) = Gdnb("convert", bad, output);
        Assert.Equal(2, code);
        Assert.Equal($"gdnb convert: not a notebook: {bad}: invalid JSON at line 3, position 4\n", stderr.ReplaceLineEndings("\n"));
        Assert.Equal("keep me", File.ReadAllText(output));
    }

    [Fact]
    public void Help_goes_to_stdout_and_unknown_options_are_usage_errors()
    {
        var (code, stdout, _) = Gdnb("convert", "--help");
        Assert.Equal(0, code);
        Assert.StartsWith(ConvertVerb.UsageLine, stdout);
        var (badCode, _, stderr) = Gdnb("convert", "--force", "a.dib", "b.ipynb");
        Assert.Equal(2, badCode);
        Assert.Contains("unknown option '--force'", stderr);
    }
}
