using GdNotebooks.Cli.Notebooks;

namespace GdNotebooks.Tests.Notebooks;

/// <summary>Every notebook committed under notebooks/ reads, survives .dib and back, and (.ipynb) is stored in normal form.</summary>
public class RepositoryNotebooksTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        string dir = Path.Combine(NotebookSamples.RepositoryRoot(), "notebooks");
        var files = Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".dib", StringComparison.OrdinalIgnoreCase))
                .Where(f => !f.Contains(".ipynb_checkpoints", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        foreach (var file in files) data.Add(Path.GetRelativePath(NotebookSamples.RepositoryRoot(), file));
        if (files.Count == 0) data.Add(""); // nothing committed yet: one vacuous case keeps the theory runnable
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Round_trips_through_both_formats(string relativePath)
    {
        if (relativePath.Length == 0) return;
        string path = Path.Combine(NotebookSamples.RepositoryRoot(), relativePath);
        var notebook = NotebookFile.Read(path);
        var expected = NotebookSamples.Content(notebook)
            .Select(c => (c.Kind == CellKind.Raw ? CellKind.Markdown : c.Kind, c.Kind == CellKind.Raw ? "markdown" : c.Language, DibFormat.NormalizeSource(c.Source)))
            .ToList();
        var viaDib = DibFormat.Parse(DibFormat.Serialize(notebook, path), path);
        Assert.Equal(expected, NotebookSamples.Content(viaDib));
        var viaIpynb = IpynbFormat.Parse(IpynbFormat.Serialize(viaDib), path);
        Assert.Equal(expected, NotebookSamples.Content(viaIpynb));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Ipynb_files_are_stored_as_Jupyter_would_save_them(string relativePath)
    {
        if (!relativePath.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)) return;
        string path = Path.Combine(NotebookSamples.RepositoryRoot(), relativePath);
        string text = File.ReadAllText(path);
        Assert.True(text == IpynbFormat.Serialize(NotebookFile.Read(path)),
            $"{relativePath} is not in normal form (nbformat 4.5, ids, Jupyter's layout); run: gdnb convert {relativePath} {relativePath}");
    }
}
