using System.Text.Json.Nodes;
using GdNotebooks.Cli.Notebooks;

namespace GdNotebooks.Tests.Notebooks;

public class IpynbFormatTests
{
    private static Notebook Sample() => IpynbFormat.Parse(NotebookSamples.JupyterIpynb, "sample.ipynb");

    [Fact]
    public void Reads_sources_given_as_a_string_or_as_a_list_of_lines()
    {
        var notebook = Sample();
        Assert.Equal("# Title\n\n![plot](attachment:plot.png)", notebook.Cells[0].Source);
        Assert.Equal("lr = 0.1\nsteps = 100", notebook.Cells[1].Source);
        Assert.Equal("", notebook.Cells[3].Source);
    }

    [Fact]
    public void Reads_cell_kinds_languages_and_execution_counts()
    {
        var notebook = Sample();
        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Raw, CellKind.Code], notebook.Cells.Select(c => c.Kind));
        Assert.Equal(["markdown", "csharp", "raw", "fsharp"], notebook.Cells.Select(notebook.LanguageOf));
        Assert.Equal(3, notebook.Cells[1].ExecutionCount);
        Assert.Null(notebook.Cells[3].ExecutionCount);
        Assert.Equal(Kernelspec.GdNotebooks, notebook.Kernelspec);
        Assert.Equal("csharp", notebook.LanguageInfo!.Name);
    }

    [Fact]
    public void Reads_every_output_kind()
    {
        var outputs = Sample().Cells[1].Outputs;
        var stdout = Assert.IsType<StreamOutput>(outputs[0]);
        Assert.Equal(("stdout", "step 1\nstep 2\n"), (stdout.Name, stdout.Text));
        Assert.Equal("warning\n", Assert.IsType<StreamOutput>(outputs[1]).Text);
        var display = Assert.IsType<DisplayDataOutput>(outputs[2]);
        Assert.Equal("line 1\nline 2", MimeBundle.Text(display.Data, "text/plain"));
        Assert.IsType<JsonObject>(display.Data["application/vnd.plotly.v1+json"]);
        Assert.Equal(400, (int)display.Metadata["image/png"]!["width"]!);
        var result = Assert.IsType<ExecuteResultOutput>(outputs[3]);
        Assert.Equal((3, "42", "<b>42</b>"), (result.ExecutionCount, MimeBundle.Text(result.Data, "text/plain"), MimeBundle.Text(result.Data, "text/html")));
        var error = Assert.IsType<ErrorOutput>(outputs[4]);
        Assert.Equal(("DivideByZeroException", "Attempted to divide by zero."), (error.Name, error.Value));
        Assert.Equal(["\u001b[31mline 1", "line 2"], error.Traceback);
    }

    [Fact]
    public void Keeps_metadata_it_does_not_understand()
    {
        var notebook = Sample();
        var again = IpynbFormat.Parse(IpynbFormat.Serialize(notebook), "again.ipynb");
        Assert.Equal(["intro"], again.Cells[0].Tags);
        Assert.Equal(["parameters"], again.Cells[1].Tags);
        Assert.Equal("[1,2.50,null]", again.Cells[0].Metadata["custom"]!["x"]!.ToJsonString());
        Assert.False((bool)again.Cells[1].Metadata["collapsed"]!);
        Assert.Equal("auto", (string)again.Cells[1].Metadata["scrolled"]!);
        Assert.True((bool)again.Cells[1].Metadata["jupyter"]!["source_hidden"]!);
        Assert.Equal("text/restructuredtext", (string)again.Cells[2].Metadata["format"]!);
        Assert.True((bool)again.Metadata["my_extension"]!["keep"]!);
        Assert.Equal("13.0", (string)again.Metadata["language_info"]!["version"]!);
        Assert.Equal("iVBORw0KGgo=\n", MimeBundle.Text((JsonObject)again.Cells[0].Attachments!["plot.png"]!, "image/png"));
    }

    [Fact]
    public void Writing_is_a_fixed_point_after_one_normalisation()
    {
        string once = IpynbFormat.Serialize(Sample());
        string twice = IpynbFormat.Serialize(IpynbFormat.Parse(once, "once.ipynb"));
        Assert.Equal(once, twice);
    }

    [Fact]
    public void Writes_as_Jupyter_does_one_space_indent_sorted_keys_lists_of_lines_final_newline()
    {
        var notebook = Notebook.New();
        notebook.Cells.Add(new NotebookCell(CellKind.Code, "a = 1\nb = 2\n", id: "first"));
        string text = IpynbFormat.Serialize(notebook);
        Assert.StartsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": null,\n   \"id\": \"first\",\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"a = 1\\n\",\n    \"b = 2\\n\"\n   ]\n  }\n ],\n \"metadata\": {\n  \"kernelspec\": {", text);
        Assert.EndsWith("\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n", text);
        Assert.DoesNotContain("\r", text);
    }

    [Fact]
    public void Writes_unicode_as_itself_and_escapes_only_what_JSON_requires()
    {
        var notebook = Notebook.New();
        notebook.Cells.Add(NotebookCell.Markdown("∇f 学习率 🚀 \"q\" \\ \t \u0001"));
        string text = IpynbFormat.Serialize(notebook);
        Assert.Contains("\"∇f 学习率 🚀 \\\"q\\\" \\\\ \\t \\u0001\"", text);
    }

    [Fact]
    public void Never_writes_NaN_or_Infinity()
    {
        var notebook = Notebook.New();
        var cell = NotebookCell.Code("x");
        cell.Metadata["bad"] = new JsonArray(JsonValue.Create(double.NaN), JsonValue.Create(double.PositiveInfinity), JsonValue.Create(float.NegativeInfinity), JsonValue.Create(0.5));
        cell.Outputs.Add(new DisplayDataOutput(new JsonObject { ["application/json"] = new JsonObject { ["loss"] = double.NaN } }));
        notebook.Cells.Add(cell);
        string text = IpynbFormat.Serialize(notebook);
        Assert.DoesNotContain("NaN", text);
        Assert.DoesNotContain("Infinity", text);
        Assert.Contains("\"loss\": null", text);
        Assert.Equal("[null,null,null,0.5]", IpynbFormat.Parse(text, "x.ipynb").Cells[0].Metadata["bad"]!.ToJsonString());
    }

    [Fact]
    public void Missing_ids_get_stable_valid_unique_ids_and_valid_ids_are_kept()
    {
        const string json = """
            {"cells": [
              {"cell_type": "code", "source": "same", "metadata": {}, "outputs": [], "execution_count": null},
              {"cell_type": "code", "source": "same", "metadata": {}, "outputs": [], "execution_count": null},
              {"cell_type": "markdown", "source": "kept", "metadata": {}, "id": "my-id_1"},
              {"cell_type": "markdown", "source": "dup", "metadata": {}, "id": "my-id_1"},
              {"cell_type": "markdown", "source": "bad", "metadata": {}, "id": "not valid!"}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
            """;
        var first = IpynbFormat.Parse(json, "a.ipynb").Cells.Select(c => c.Id!).ToList();
        var second = IpynbFormat.Parse(json, "a.ipynb").Cells.Select(c => c.Id!).ToList();
        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Equal("my-id_1", first[2]);
        Assert.All(first, id => Assert.Matches("^[a-zA-Z0-9_-]{1,64}$", id));
    }

    [Fact]
    public void Reads_files_saved_with_CRLF_and_a_byte_order_mark()
    {
        string crlf = "\uFEFF" + NotebookSamples.JupyterIpynb.Replace("\n", "\r\n");
        var notebook = IpynbFormat.Parse(System.Text.Encoding.UTF8.GetBytes(crlf), "windows.ipynb");
        Assert.Equal(NotebookSamples.Content(Sample()), NotebookSamples.Content(notebook));
    }

    [Fact]
    public void Mime_bundles_from_formatter_strings_parse_JSON_types_only()
    {
        var bundle = MimeBundle.FromStrings([new("text/plain", "{\"a\":1}"), new("application/vnd.plotly.v1+json", "{\"data\":[]}")]);
        Assert.Equal("{\"a\":1}", MimeBundle.Text(bundle, "text/plain"));
        Assert.IsType<JsonObject>(bundle["application/vnd.plotly.v1+json"]);
        Assert.True(MimeBundle.IsJson("application/json"));
        Assert.False(MimeBundle.IsJson("text/json+html"));
    }

    [Fact]
    public void Source_lines_split_as_Pythons_splitlines_and_join_back()
    {
        Assert.Equal(["a\n", "b\r\n", "c\r", "d"], SourceLines.SplitKeepingEnds("a\nb\r\nc\rd"));
        Assert.Empty(SourceLines.SplitKeepingEnds(""));
        Assert.Equal(["x\n"], SourceLines.SplitKeepingEnds("x\n"));
        Assert.Equal(["a", "", "b"], SourceLines.SplitDropping("a\r\n\nb\n"));
    }
}
