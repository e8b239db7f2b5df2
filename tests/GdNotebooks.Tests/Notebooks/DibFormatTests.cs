using GdNotebooks.Cli.Notebooks;

namespace GdNotebooks.Tests.Notebooks;

public class DibFormatTests
{
    private static Notebook Sample() => DibFormat.Parse(NotebookSamples.CanonicalDib, "sample.dib");

    [Fact]
    public void Reads_sections_as_cells_with_kinds_and_languages()
    {
        var notebook = Sample();
        Assert.Equal(
            ["markdown", "csharp", "csharp", "fsharp", "pwsh", "markdown"],
            notebook.Cells.Select(notebook.LanguageOf));
        Assert.Equal("", notebook.Cells[2].Source);
        Assert.Equal("let x = 1", notebook.Cells[3].Source);
        Assert.Equal("The end: tab\there, no final newline in the cell", notebook.Cells[5].Source);
    }

    [Fact]
    public void Magic_commands_and_hash_bang_lines_inside_cells_are_content()
    {
        var notebook = Sample();
        Assert.StartsWith("#!lr-sweep --problem rosenbrock --lrs 1e-4..1:9\n#r \"nuget: Example, 1.0\"\n", notebook.Cells[1].Source);
        Assert.EndsWith("\n\n    indented after a blank line", notebook.Cells[1].Source);
        Assert.Contains("```csharp\n#!lr-sweep --problem rosenbrock --lrs 1e-4..1:9\n#!time\n```", notebook.Cells[0].Source);
    }

    [Fact]
    public void Maps_languages_to_Polyglot_cell_metadata_and_meta_to_notebook_metadata()
    {
        var notebook = Sample();
        var fsharp = notebook.Cells[3];
        Assert.Equal("fsharp", (string)fsharp.Metadata["dotnet_interactive"]!["language"]!);
        Assert.Equal("fsharp", (string)fsharp.Metadata["polyglot_notebook"]!["kernelName"]!);
        Assert.Equal("csharp", (string)notebook.Metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!);
        Assert.Equal(Kernelspec.GdNotebooks, notebook.Kernelspec);
        Assert.Equal(LanguageInfo.CSharp, notebook.LanguageInfo);
        Assert.Empty(notebook.Cells[0].Metadata);
    }

    [Fact]
    public void Writes_the_canonical_form_back_byte_for_byte()
    {
        Assert.Equal(NotebookSamples.CanonicalDib, DibFormat.Serialize(Sample()));
    }

    [Fact]
    public void Reads_CRLF_aliases_extra_blank_lines_text_before_the_first_header_and_no_meta()
    {
        string text = "var a = 1;\r\n\r\n#!c#\r\n\r\n\r\nvar b = 2;\r\n\r\n\r\n#!md\r\n# Hi\r\n#!F#\r\nlet c = 3\r\n#!powershell\r\n\r\n";
        var notebook = DibFormat.Parse(text, "loose.dib");
        Assert.Equal(
            [(CellKind.Code, "csharp", "var a = 1;"), (CellKind.Code, "csharp", "var b = 2;"), (CellKind.Markdown, "markdown", "# Hi"),
             (CellKind.Code, "fsharp", "let c = 3"), (CellKind.Code, "pwsh", "")],
            NotebookSamples.Content(notebook));
        string canonical = DibFormat.Serialize(notebook);
        Assert.StartsWith("#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"},{\"aliases\":[],\"name\":\"fsharp\"},{\"aliases\":[],\"name\":\"pwsh\"}]}}\n\n#!csharp\n\nvar a = 1;\n\n#!csharp\n\nvar b = 2;\n\n#!markdown\n\n# Hi\n\n", canonical);
        Assert.Equal(canonical, DibFormat.Serialize(DibFormat.Parse(canonical, "canonical.dib")));
    }

    [Fact]
    public void Kernels_declared_in_meta_split_cells_and_the_default_kernel_takes_leading_text()
    {
        string text = "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"fsharp\",\"items\":[{\"aliases\":[\"py\"],\"name\":\"python\"}]}}\n\nlet x = 1\n\n#!py\n\nprint(1)\n";
        var notebook = DibFormat.Parse(text, "meta.dib");
        Assert.Equal([(CellKind.Code, "fsharp", "let x = 1"), (CellKind.Code, "python", "print(1)")], NotebookSamples.Content(notebook));
        Assert.Equal("fsharp", notebook.DefaultLanguage);
    }

    [Fact]
    public void The_default_kernel_named_in_meta_is_a_header_even_without_items()
    {
        string text = "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"spiral\"}}\n\n#!markdown\n\n# demo\n\n#!spiral\n\ninl add x = x + 1\n\n#!spiral\n\nadd 1\n";
        var notebook = DibFormat.Parse(text, "spiral.dib");
        Assert.Equal(
            [(CellKind.Markdown, "markdown", "# demo"), (CellKind.Code, "spiral", "inl add x = x + 1"), (CellKind.Code, "spiral", "add 1")],
            NotebookSamples.Content(notebook));
        Assert.Equal(NotebookSamples.Content(notebook), NotebookSamples.Content(DibFormat.Parse(DibFormat.Serialize(notebook), "again.dib")));
    }

    [Fact]
    public void An_empty_file_is_a_notebook_with_no_cells()
    {
        var notebook = DibFormat.Parse("", "empty.dib");
        Assert.Empty(notebook.Cells);
        Assert.Empty(DibFormat.Parse(DibFormat.Serialize(notebook), "empty.dib").Cells);
    }

    [Fact]
    public void Refuses_to_write_a_cell_line_that_would_read_back_as_a_header()
    {
        var notebook = Notebook.New();
        notebook.Cells.Add(NotebookCell.Markdown("Switch kernels with\n#!fsharp\non its own line."));
        var e = Assert.Throws<UsageException>(() => DibFormat.Serialize(notebook, "x.dib"));
        Assert.Contains("x.dib", e.Message);
        Assert.Contains("cells[0]", e.Message);
        Assert.Contains("'#!fsharp'", e.Message);
    }

    [Fact]
    public void Lists_what_dib_cannot_hold()
    {
        var notebook = IpynbFormat.Parse(NotebookSamples.JupyterIpynb, "sample.ipynb");
        var losses = string.Join("; ", DibFormat.Losses(notebook));
        Assert.Contains("outputs (1 cell)", losses);
        Assert.Contains("tags (2 cells)", losses);
        Assert.Contains("raw cells (1 cell, written as markdown)", losses);
        Assert.Contains("attachments (1 cell)", losses);
        Assert.Contains("'my_extension'", losses);
        Assert.Empty(DibFormat.Losses(DibFormat.Parse(NotebookSamples.CanonicalDib, "sample.dib")));
    }
}
