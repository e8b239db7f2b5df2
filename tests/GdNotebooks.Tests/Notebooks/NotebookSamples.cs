using GdNotebooks.Cli.Notebooks;

namespace GdNotebooks.Tests.Notebooks;

/// <summary>Sample notebooks in both formats, a scratch directory, and a comparable summary of a notebook's content.</summary>
internal static class NotebookSamples
{
    /// <summary>
    /// A .dib in exactly the form <see cref="DibFormat.Serialize"/> writes: markdown with a code fence holding #! lines,
    /// C# with magics, an empty cell, other kernels, Unicode, a last cell without a final newline.
    /// </summary>
    public const string CanonicalDib =
        "#!meta\n\n" +
        "{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"},{\"aliases\":[],\"name\":\"fsharp\"},{\"aliases\":[],\"name\":\"pwsh\"}]}}\n\n" +
        "#!markdown\n\n" +
        "# Learning rates — ∇f, 学习率, 🚀\n\n" +
        "Run a sweep like this:\n\n" +
        "```csharp\n" +
        "#!lr-sweep --problem rosenbrock --lrs 1e-4..1:9\n" +
        "#!time\n" +
        "```\n\n" +
        "#!csharp\n\n" +
        "#!lr-sweep --problem rosenbrock --lrs 1e-4..1:9\n" +
        "#r \"nuget: Example, 1.0\"\n" +
        "var w = new[] { 1.0, 2.0 };  // \"quoted\" \\ backslash\n" +
        "\n" +
        "    indented after a blank line\n\n" +
        "#!csharp\n\n" +
        "#!fsharp\n\n" +
        "let x = 1\n\n" +
        "#!pwsh\n\n" +
        "Get-Date\n\n" +
        "#!markdown\n\n" +
        "The end: tab\there, no final newline in the cell\n";

    /// <summary>A notebook as Jupyter writes it (nbformat 4.4, no ids), sources as strings and as lists, every output kind, tags, custom metadata, a raw cell, an attachment.</summary>
    public const string JupyterIpynb = """
        {
         "cells": [
          {
           "cell_type": "markdown",
           "metadata": {"tags": ["intro"], "custom": {"x": [1, 2.50, null]}},
           "source": ["# Title\n", "\n", "![plot](attachment:plot.png)"],
           "attachments": {"plot.png": {"image/png": ["iVBORw0KGgo=\n"]}}
          },
          {
           "cell_type": "code",
           "execution_count": 3,
           "metadata": {"collapsed": false, "scrolled": "auto", "tags": ["parameters"], "jupyter": {"source_hidden": true}},
           "outputs": [
            {"name": "stdout", "output_type": "stream", "text": ["step 1\n", "step 2\n"]},
            {"name": "stderr", "output_type": "stream", "text": "warning\n"},
            {"data": {"text/plain": ["line 1\n", "line 2"], "application/vnd.plotly.v1+json": {"data": [{"x": [1, 2], "y": [0.5, null]}], "layout": {}}},
             "metadata": {"image/png": {"width": 400}}, "output_type": "display_data"},
            {"data": {"text/plain": "42", "text/html": ["<b>42</b>"]}, "execution_count": 3, "metadata": {}, "output_type": "execute_result"},
            {"ename": "DivideByZeroException", "evalue": "Attempted to divide by zero.", "output_type": "error", "traceback": ["\u001b[31mline 1", "line 2"]}
           ],
           "source": "lr = 0.1\nsteps = 100"
          },
          {
           "cell_type": "raw",
           "metadata": {"format": "text/restructuredtext"},
           "source": ".. note:: raw"
          },
          {
           "cell_type": "code",
           "execution_count": null,
           "metadata": {"dotnet_interactive": {"language": "fsharp"}, "polyglot_notebook": {"kernelName": "fsharp"}},
           "outputs": [],
           "source": []
          }
         ],
         "metadata": {
          "kernelspec": {"display_name": "C# (GdNotebooks)", "language": "csharp", "name": "gdnotebooks"},
          "language_info": {"name": "csharp", "version": "13.0"},
          "my_extension": {"keep": true}
         },
         "nbformat": 4,
         "nbformat_minor": 4
        }
        """;

    /// <summary>(kind, language, source) per cell: what both formats hold.</summary>
    public static List<(CellKind Kind, string Language, string Source)> Content(Notebook notebook) =>
        notebook.Cells.Select(c => (c.Kind, notebook.LanguageOf(c), c.Source)).ToList();

    /// <summary>The directory holding GdNotebooks.sln, found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GdNotebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException("GdNotebooks.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gdnb-notebook-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        System.IO.File.WriteAllText(File(name), text);
        return File(name);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
