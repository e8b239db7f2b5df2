using GdNotebooks.Cli.Notebooks;
using GdNotebooks.IO;

namespace GdNotebooks.Tests.Notebooks;

public class AtomicFileTests : IDisposable
{
    private readonly ScratchDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Writes_the_new_contents_and_leaves_no_temporary_file()
    {
        string path = _dir.Write("a.ipynb", "old");
        var notebook = Notebook.New();
        notebook.Cells.Add(NotebookCell.Code("x"));
        NotebookFile.Write(notebook, path);
        Assert.Equal(IpynbFormat.Serialize(notebook), File.ReadAllText(path));
        Assert.Equal(["a.ipynb"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_writer_that_fails_midway_leaves_the_old_file_intact_and_no_temporary_file()
    {
        string path = _dir.Write("b.ipynb", "the old notebook");
        var e = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("{\n \"cells\": [\n"u8);
            stream.Flush();
            throw new InvalidOperationException("serializer failed");
        }));
        Assert.Equal("serializer failed", e.Message);
        Assert.Equal("the old notebook", File.ReadAllText(path));
        Assert.Equal(["b.ipynb"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_notebook_dib_cannot_hold_leaves_the_old_file_intact()
    {
        string path = _dir.Write("c.dib", "#!csharp\n\nold\n");
        var notebook = Notebook.New();
        notebook.Cells.Add(NotebookCell.Markdown("#!csharp"));
        Assert.Throws<UsageException>(() => NotebookFile.Write(notebook, path));
        Assert.Equal("#!csharp\n\nold\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void A_read_only_target_is_refused_and_left_intact()
    {
        string path = _dir.Write("d.ipynb", "read-only");
        File.SetAttributes(path, FileAttributes.ReadOnly);
        try
        {
            var e = Assert.Throws<UsageException>(() => NotebookFile.Write(Notebook.New(), path));
            Assert.Contains("read-only", e.Message);
            Assert.Equal("read-only", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(_dir.Path));
        }
        finally
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }
    }

    [Fact]
    public void Keeps_the_permission_bits_of_the_file_it_replaces()
    {
        if (OperatingSystem.IsWindows()) return;
        string path = _dir.Write("e.ipynb", "old");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, mode);
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal("new", File.ReadAllText(path));
    }
}
