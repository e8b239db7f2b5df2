using GdNotebooks.Cli.Notebooks;

namespace GdNotebooks.Tests.Notebooks;

public class RoundTripTests
{
    [Fact]
    public void Dib_to_ipynb_to_dib_loses_nothing()
    {
        var fromDib = DibFormat.Parse(NotebookSamples.CanonicalDib, "a.dib");
        var viaIpynb = IpynbFormat.Parse(IpynbFormat.Serialize(fromDib), "a.ipynb");
        Assert.Equal(NotebookSamples.Content(fromDib), NotebookSamples.Content(viaIpynb));
        Assert.Equal(NotebookSamples.CanonicalDib, DibFormat.Serialize(viaIpynb));
    }

    [Fact]
    public void Ipynb_to_dib_to_ipynb_keeps_sources_kinds_languages_and_order()
    {
        var original = IpynbFormat.Parse(NotebookSamples.JupyterIpynb, "a.ipynb");
        var back = IpynbFormat.Parse(IpynbFormat.Serialize(DibFormat.Parse(DibFormat.Serialize(original), "a.dib")), "b.ipynb");
        var expected = NotebookSamples.Content(original)
            .Select(c => c.Kind == CellKind.Raw ? (CellKind.Markdown, "markdown", c.Source) : c) // .dib has no raw cells
            .Select(c => (c.Item1, c.Item2, DibFormat.NormalizeSource(c.Item3)))
            .ToList();
        Assert.Equal(expected, NotebookSamples.Content(back));
        Assert.All(back.Cells, c => Assert.Empty(c.Outputs));
    }

    [Fact]
    public void Ipynb_sources_already_in_dib_form_come_back_exactly()
    {
        var original = Notebook.New();
        original.Cells.Add(NotebookCell.Markdown("# Title ∇\n\n```\n#!lr-sweep --problem quadratic\n```"));
        original.Cells.Add(NotebookCell.Code("#!time\nvar x = 1;\n\n\nx"));
        original.Cells.Add(NotebookCell.Code(""));
        original.Cells.Add(NotebookCell.Code("printfn \"hi\"", language: "fsharp"));
        var back = DibFormat.Parse(DibFormat.Serialize(original), "a.dib");
        Assert.Equal(NotebookSamples.Content(original), NotebookSamples.Content(back));
    }

    [Fact]
    public void Ipynb_to_ipynb_keeps_everything()
    {
        string once = IpynbFormat.Serialize(IpynbFormat.Parse(NotebookSamples.JupyterIpynb, "a.ipynb"));
        var reread = IpynbFormat.Parse(once, "b.ipynb");
        Assert.Equal(once, IpynbFormat.Serialize(reread));
        Assert.Equal(5, reread.Cells[1].Outputs.Count);
    }

    [Fact]
    public void Random_notebooks_survive_both_trips()
    {
        string[] pieces = ["var x = 1;", "", "  ", "#!lr-sweep --lrs 0.1", "#!time", "#r \"nuget: X\"", "∇ 学 🚀", "\"q\" \\", "#!csharpish", "# heading", "\t tab"];
        string[] languages = ["csharp", "fsharp", "pwsh", "javascript", "sql"];
        var random = new Random(20240611);
        for (int trial = 0; trial < 300; trial++)
        {
            var notebook = Notebook.New();
            int cells = random.Next(0, 6);
            for (int c = 0; c < cells; c++)
            {
                var lines = Enumerable.Range(0, random.Next(0, 5)).Select(_ => pieces[random.Next(pieces.Length)]);
                string source = DibFormat.NormalizeSource(string.Join(random.Next(2) == 0 ? "\n" : "\r\n", lines));
                notebook.Cells.Add(random.Next(3) == 0
                    ? NotebookCell.Markdown(source)
                    : NotebookCell.Code(source, languages[random.Next(languages.Length)]));
            }
            var content = NotebookSamples.Content(notebook);
            var viaDib = DibFormat.Parse(DibFormat.Serialize(notebook), "r.dib");
            Assert.Equal(content, NotebookSamples.Content(viaDib));
            var viaIpynb = IpynbFormat.Parse(IpynbFormat.Serialize(viaDib), "r.ipynb");
            Assert.Equal(content, NotebookSamples.Content(viaIpynb));
            Assert.Equal(DibFormat.Serialize(viaDib), DibFormat.Serialize(viaIpynb));
        }
    }
}
