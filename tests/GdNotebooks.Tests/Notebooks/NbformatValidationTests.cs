using System.Text.Json.Nodes;
using GdNotebooks.Cli.Notebooks;

namespace GdNotebooks.Tests.Notebooks;

/// <summary>What we write is checked by Jupyter's own nbformat: valid 4.5, and byte-identical to what it would save.</summary>
public class NbformatValidationTests : IDisposable
{
    private const string Validate = "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))";
    private const string Resave = "import nbformat,sys; sys.stdout.write(nbformat.writes(nbformat.read(sys.argv[1], as_version=4)))";

    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Notebook Sample(string name)
    {
        switch (name)
        {
            case "jupyter": return IpynbFormat.Parse(NotebookSamples.JupyterIpynb, "jupyter.ipynb");
            case "dib": return DibFormat.Parse(NotebookSamples.CanonicalDib, "sample.dib");
            case "empty": return new Notebook();
        }
        var notebook = Notebook.New();
        var cell = NotebookCell.Code("display(chart);\n1 + 1", "csharp");
        cell.ExecutionCount = 7;
        cell.Tags = ["raises-exception"];
        cell.Outputs.Add(new StreamOutput("stdout", "step 0\r\nstep 1\n"));
        cell.Outputs.Add(new DisplayDataOutput(MimeBundle.FromStrings([
            new("text/plain", "Figure (2 traces)"), new("text/html", "<div id=\"p\"></div>\n<script>\n</script>"),
            new("application/vnd.plotly.v1+json", "{\"data\":[{\"y\":[1.5,2]}],\"layout\":{\"title\":{\"text\":\"∇\"}}}")])));
        cell.Outputs.Add(new ExecuteResultOutput(7, new JsonObject { ["text/plain"] = "2" }));
        cell.Outputs.Add(new ErrorOutput("Exception", "boom", ["at A", "at B"]));
        notebook.Cells.Add(cell);
        notebook.Cells.Add(NotebookCell.Raw("raw\n"));
        return notebook;
    }

    [NbformatFact]
    public void Everything_we_write_is_valid_nbformat_4_5()
    {
        foreach (var name in new[] { "jupyter", "dib", "constructed", "empty" })
        {
            string path = _dir.File(name + ".ipynb");
            NotebookFile.Write(Sample(name), path);
            var (code, _, stderr) = NbformatFactAttribute.Run(Validate, [path]);
            Assert.True(code == 0, $"{name}: nbformat rejected what we wrote:\n{stderr}");
        }
    }

    [NbformatFact]
    public void Jupyter_would_save_our_notebooks_byte_for_byte_as_we_do()
    {
        foreach (var name in new[] { "dib", "constructed", "empty" })
        {
            string path = _dir.File(name + ".ipynb");
            NotebookFile.Write(Sample(name), path);
            var (code, stdout, stderr) = NbformatFactAttribute.Run(Resave, [path]);
            Assert.True(code == 0, stderr);
            Assert.Equal(stdout + "\n", File.ReadAllText(path));
        }
    }

    [NbformatFact]
    public void Notebooks_nbformat_writes_read_back_the_same()
    {
        const string make = """
            import nbformat, sys
            from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell, new_output
            nb = new_notebook(metadata={"kernelspec": {"name": "gdnotebooks", "display_name": "C# (GdNotebooks)", "language": "csharp"}})
            nb.cells.append(new_markdown_cell("# Title ∇\n\n#!lr-sweep in prose"))
            nb.cells.append(new_code_cell("var x = 1;\nx", execution_count=1, outputs=[
                new_output("stream", name="stdout", text="a\nb\n"),
                new_output("execute_result", data={"text/plain": "1"}, execution_count=1)]))
            nbformat.write(nb, sys.argv[1])
            """;
        string path = _dir.File("python.ipynb");
        var (code, _, stderr) = NbformatFactAttribute.Run(make, [path]);
        Assert.True(code == 0, stderr);
        string written = File.ReadAllText(path);
        var notebook = NotebookFile.Read(path);
        Assert.Equal(("# Title ∇\n\n#!lr-sweep in prose", "var x = 1;\nx"), (notebook.Cells[0].Source, notebook.Cells[1].Source));
        Assert.Equal("a\nb\n", Assert.IsType<StreamOutput>(notebook.Cells[1].Outputs[0]).Text);
        Assert.Equal(written, IpynbFormat.Serialize(notebook));
    }
}
