using GdNotebooks.Cli.Notebooks;
using GdNotebooks.Cli.Running;

namespace GdNotebooks.Tests.Running;

/// <summary>papermill's convention in C#: values typed by their text, injected after the parameters cell.</summary>
public class ParameterInjectionTests
{
    [Theory]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("12", "12")]
    [InlineData("-3", "-3")]
    [InlineData("+7", "7")]
    [InlineData("0.5", "0.5")]
    [InlineData("-.25", "-0.25")]
    [InlineData("1e-3", "0.001")]
    [InlineData("3.", "3.0")]
    [InlineData("12345678901", "12345678901.0")]
    [InlineData("adam", "\"adam\"")]
    [InlineData("True", "\"True\"")]
    [InlineData("NaN", "\"NaN\"")]
    [InlineData("", "\"\"")]
    [InlineData("sgd:momentum=0.9", "\"sgd:momentum=0.9\"")]
    [InlineData("a \"quoted\" \\ path\nnext\ttab", "\"a \\\"quoted\\\" \\\\ path\\nnext\\ttab\"")]
    public void Values_become_csharp_literals_by_their_shape(string value, string literal) =>
        Assert.Equal(literal, new NotebookParameter("x", value).ToCSharp());

    [Fact]
    public void A_variable_declared_as_a_string_always_receives_a_string()
    {
        Assert.Equal("\"42\"", new NotebookParameter("tag", "42").ToCSharp(asString: true));
        var declared = ParameterInjection.Declarations("var lr = 0.1;\nstring name = \"a\";\nvar label = \"b\";\nint steps = 10, batch = 32;\nstring? maybe = null;");
        Assert.Equal(new Dictionary<string, bool>
        {
            ["lr"] = false, ["name"] = true, ["label"] = true, ["steps"] = false, ["batch"] = false, ["maybe"] = true,
        }, declared);
    }

    [Theory]
    [InlineData("lr=0.1", "lr", "0.1")]
    [InlineData("spec=adam:beta1=0.9", "spec", "adam:beta1=0.9")]
    [InlineData("empty=", "empty", "")]
    [InlineData("_x1=y", "_x1", "y")]
    public void Parses_name_equals_value(string text, string name, string value) =>
        Assert.Equal(new NotebookParameter(name, value), NotebookParameter.Parse(text));

    [Theory]
    [InlineData("lr")]
    [InlineData("1lr=2")]
    [InlineData("my-lr=2")]
    [InlineData("class=2")]
    [InlineData("=2")]
    public void Rejects_what_is_not_name_equals_value(string text) =>
        Assert.Throws<UsageException>(() => NotebookParameter.Parse(text));

    [Fact]
    public void Injects_a_tagged_cell_right_after_the_parameters_cell_assigning_declared_names()
    {
        var notebook = Notebook.New();
        notebook.Cells.Add(NotebookCell.Markdown("# Title"));
        notebook.Cells.Add(RunScratch.Code("var lr = 0.1;\nstring name = \"a\";\nbool verbose = false;", "parameters"));
        notebook.Cells.Add(NotebookCell.Code("lr"));

        var warnings = ParameterInjection.Inject(notebook,
            [new("lr", "1"), new("name", "7"), new("verbose", "true"), new("lr", "0.5")]);

        Assert.Empty(warnings);
        var injected = notebook.Cells[2];
        Assert.Equal(CellKind.Code, injected.Kind);
        Assert.Equal([ParameterInjection.InjectedTag], injected.Tags);
        Assert.Equal("// Parameters injected by gdnb run\nlr = 0.5;\nname = \"7\";\nverbose = true;", injected.Source);
        Assert.Equal("lr", notebook.Cells[3].Source);
        Assert.NotNull(injected.Id);
        var recorded = notebook.Metadata["gdnotebooks"]!["parameters"]!;
        Assert.Equal(0.5, recorded["lr"]!.GetValue<double>());
        Assert.Equal("7", recorded["name"]!.GetValue<string>());
        Assert.True(recorded["verbose"]!.GetValue<bool>());
    }

    [Fact]
    public void Without_a_parameters_cell_injects_declarations_at_the_top_and_warns()
    {
        var notebook = Notebook.New();
        notebook.Cells.Add(NotebookCell.Markdown("# Title"));
        notebook.Cells.Add(NotebookCell.Code("Console.WriteLine(steps);"));
        var warnings = ParameterInjection.Inject(notebook, [new("steps", "20")]);
        Assert.Contains(warnings, w => w.Contains("no cell is tagged 'parameters'"));
        Assert.Equal([ParameterInjection.InjectedTag], notebook.Cells[0].Tags);
        Assert.EndsWith("var steps = 20;", notebook.Cells[0].Source);
    }

    [Fact]
    public void A_name_the_parameters_cell_does_not_declare_is_declared_with_a_warning()
    {
        var notebook = Notebook.New();
        notebook.Cells.Add(RunScratch.Code("var lr = 0.1;", "parameters"));
        var warnings = ParameterInjection.Inject(notebook, [new("seed", "3")]);
        Assert.Contains(warnings, w => w.Contains("does not declare 'seed'"));
        Assert.EndsWith("var seed = 3;", notebook.Cells[1].Source);
    }

    [Fact]
    public void An_earlier_runs_injected_cell_is_replaced_not_repeated_and_no_parameters_change_nothing()
    {
        var notebook = Notebook.New();
        notebook.Cells.Add(RunScratch.Code("var lr = 0.1;", "parameters"));
        ParameterInjection.Inject(notebook, [new("lr", "0.2")]);
        ParameterInjection.Inject(notebook, [new("lr", "0.3")]);
        Assert.Equal(2, notebook.Cells.Count);
        Assert.EndsWith("lr = 0.3;", notebook.Cells[1].Source);

        Assert.Empty(ParameterInjection.Inject(notebook, []));
        Assert.Equal(2, notebook.Cells.Count);
    }
}
