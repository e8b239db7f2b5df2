using GdNotebooks.Tests.Notebooks;
using static GdNotebooks.Tests.Running.RunScratch;

namespace GdNotebooks.Tests.Running;

/// <summary>Executed notebooks — outputs of every kind, an error, injected parameters — pass Jupyter's own nbformat validator.</summary>
[Collection(RunnerCollection.Name)]
public sealed class ExecutedNotebookValidityTests : IDisposable
{
    private const string Validate = "import nbformat,sys; nb = nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); print(nb.nbformat, nb.nbformat_minor, nb.metadata.kernelspec.name)";

    private readonly RunScratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [NbformatFact]
    public void The_executed_notebook_is_valid_nbformat_4_5()
    {
        string input = _scratch.Notebook("valid.ipynb",
            GdNotebooks.Cli.Notebooks.NotebookCell.Markdown("# Valid"),
            Code("var n = 3;", "parameters"),
            Code("Console.WriteLine(n);\nvar h = display(\"<b>x</b>\", \"text/html\");\nh.Update(\"<b>y</b>\", \"text/html\");\ndisplay(\"{\\\"data\\\":[]}\", \"application/vnd.plotly.v1+json\");\nn * 2"),
            Code("throw new Exception(\"expected\");", "raises-exception"),
            Code("int x = \"no\";"));

        var (exit, _, stderr) = _scratch.Run(input, "--param", "n=4");

        Assert.True(exit == GdNotebooks.Cli.Gdnb.Failed, stderr);
        var (code, stdout, err) = NbformatFactAttribute.Run(Validate, [Path.Combine(_scratch.Out, "valid.ipynb")]);
        Assert.True(code == 0, err);
        Assert.Equal("4 5 gdnotebooks", stdout.Trim());
    }
}
