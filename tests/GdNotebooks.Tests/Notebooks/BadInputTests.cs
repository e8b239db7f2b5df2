using GdNotebooks.Cli.Notebooks;

namespace GdNotebooks.Tests.Notebooks;

/// <summary>Every bad input is a <see cref="UsageException"/> naming the file, with a position or JSON path where one exists.</summary>
public class BadInputTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string, string> BadNotebooks => new()
    {
        // file name, contents, expected message (after the path)
        { "truncated.ipynb", "{\n \"cells\": [\n  {\"cell_type\": ", ": invalid JSON at line 3, position 17" },
        { "garbage.ipynb", "{\n \"cells\": [],\n   x\n}", ": invalid JSON at line 3, position 4" },
        { "trailing-comma.ipynb", "{\"cells\": [],}", ": invalid JSON at line 1, position 14" },
        { "nan.ipynb", "{\"cells\": [], \"metadata\": {\"x\": NaN}, \"nbformat\": 4}", ": invalid JSON at line 1, position 33 (NaN and Infinity are not JSON)" },
        { "unicode-position.ipynb", "{\"métadonnées\": ∇}", ": invalid JSON at line 1, position 17" },
        { "empty.ipynb", "  \n", ": the file is empty" },
        { "array.ipynb", "[1, 2]", ": the top level is a list, not an object" },
        { "no-cells.ipynb", "{\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}", ": missing \"cells\"" },
        { "no-nbformat.ipynb", "{\"cells\": []}", ": missing \"nbformat\"" },
        { "v3.ipynb", "{\"worksheets\": [], \"metadata\": {}, \"nbformat\": 3, \"nbformat_minor\": 0}", ": nbformat: version 3 is not supported, only 4" },
        { "cells-object.ipynb", "{\"cells\": {}, \"nbformat\": 4}", ": cells: expected a list, found an object" },
        { "cell-type.ipynb", "{\"cells\": [{\"cell_type\": \"python\", \"source\": \"\"}], \"nbformat\": 4}", ": cells[0].cell_type: unknown cell type 'python'; valid cell types: code, markdown, raw" },
        { "no-source.ipynb", "{\"cells\": [{\"cell_type\": \"code\"}], \"nbformat\": 4}", ": cells[0]: missing \"source\"" },
        { "source-number.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"a\", 3]}], \"nbformat\": 4}", ": cells[0].source[1]: expected a string, found the number 3" },
        { "output-type.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"outputs\": [{\"output_type\": \"pyout\"}]}], \"nbformat\": 4}", ": cells[0].outputs[0].output_type: unknown output type 'pyout'; valid output types: stream, display_data, execute_result, error" },
        { "stream.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"outputs\": [{\"output_type\": \"stream\", \"text\": \"x\"}]}], \"nbformat\": 4}", ": cells[0].outputs[0]: missing \"name\"" },
        { "count.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"execution_count\": -1}], \"nbformat\": 4}", ": cells[0].execution_count: expected a non-negative integer or null, found the number -1" },
        { "metadata.ipynb", "{\"cells\": [], \"metadata\": [], \"nbformat\": 4}", ": metadata: expected an object, found a list" },
        { "deep.ipynb", "{\"cells\": [], \"metadata\": {\"x\": " + new string('[', 300) + new string(']', 300) + "}, \"nbformat\": 4}", ": invalid JSON at line 1, position 287" },
        { "meta.dib", "#!meta\n\n{\"kernelInfo\": {,}}\n\n#!csharp\n\nx", ": invalid #!meta JSON at line 3, position 17" },
        { "meta-array.dib", "#!meta\n[1]\n#!csharp\nx", ": expected a JSON object after #!meta (line 1)" },
        { "meta-items.dib", "#!meta\n{\"kernelInfo\": {\"items\": {}}}\n#!csharp\nx", ": #!meta: kernelInfo.items must be a list" },
        { "meta-trailing.dib", "#!meta\n{\"kernelInfo\": {}} junk\n#!csharp\nx", ": unexpected text after the #!meta JSON at line 2" },
    };

    [Theory]
    [MemberData(nameof(BadNotebooks))]
    public void Bad_notebooks_are_usage_errors_naming_the_file_and_the_place(string name, string contents, string expected)
    {
        string path = _dir.Write(name, contents);
        var e = Assert.Throws<UsageException>(() => NotebookFile.Read(path));
        Assert.StartsWith($"not a notebook: {path}{expected}", e.Message);
    }

    [Fact]
    public void Invalid_UTF8_is_reported_with_its_position()
    {
        string path = _dir.File("latin1.dib");
        File.WriteAllBytes(path, [.. "#!csharp\nvar s = \""u8, 0xE9, .. "\";\n"u8]);
        var e = Assert.Throws<UsageException>(() => NotebookFile.Read(path));
        Assert.Equal($"not a notebook: {path}: not UTF-8 text (bad byte at line 2, position 10)", e.Message);
        File.Move(path, _dir.File("latin1.ipynb"));
        Assert.Throws<UsageException>(() => NotebookFile.Read(_dir.File("latin1.ipynb")));
    }

    [Fact]
    public void A_missing_file_is_a_usage_error()
    {
        var e = Assert.Throws<UsageException>(() => NotebookFile.Read(_dir.File("nope.ipynb")));
        Assert.Equal($"no such file: {_dir.File("nope.ipynb")}", e.Message);
    }

    [Fact]
    public void A_directory_is_not_a_notebook()
    {
        Directory.CreateDirectory(_dir.File("folder.ipynb"));
        var e = Assert.Throws<UsageException>(() => NotebookFile.Read(_dir.File("folder.ipynb")));
        Assert.Contains("is a directory", e.Message);
    }

    [Theory]
    [InlineData("notes.txt", "the extension '.txt'")]
    [InlineData("notes", "no extension")]
    [InlineData("notes.ipynb.bak", "the extension '.bak'")]
    public void Unknown_extensions_list_the_valid_ones(string name, string what)
    {
        var e = Assert.Throws<UsageException>(() => NotebookFile.Read(_dir.Write(name, "{}")));
        Assert.Equal($"{_dir.File(name)} has {what}; valid notebook extensions: .ipynb, .dib", e.Message);
        Assert.Throws<UsageException>(() => NotebookFile.Write(Notebook.New(), _dir.File(name)));
    }

    [Fact]
    public void Extensions_are_case_insensitive()
    {
        Assert.Equal(NotebookFormat.Ipynb, NotebookFile.FormatOf("A.IPYNB"));
        Assert.Equal(NotebookFormat.Dib, NotebookFile.FormatOf("dir.x/A.Dib"));
    }

    [Fact]
    public void Writing_into_a_missing_directory_creates_it()
    {
        string path = Path.Combine(_dir.Path, "missing", "out.ipynb");
        NotebookFile.Write(Notebook.New(), path);
        Assert.Equal(Notebook.New().Cells.Count, NotebookFile.Read(path).Cells.Count);
    }
}
