using GdNotebooks.IO;

namespace GdNotebooks.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gdnb-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Writes_creates_folders_and_replaces()
    {
        string path = Path.Combine(_folder, "a", "b", "out.txt");
        AtomicFile.WriteAllText(path, "first");
        AtomicFile.WriteAllText(path, "second ✓");
        Assert.Equal("second ✓", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
        Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]); // no byte-order mark
    }

    [Fact]
    public void A_failed_write_leaves_the_target_and_no_temporary_file()
    {
        string path = Path.Combine(_folder, "taken");
        Directory.CreateDirectory(path); // a folder where the file should go: the final move fails
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(path, "x"));
        Assert.Empty(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
        Assert.True(Directory.Exists(path));
    }

    [Fact]
    public void Many_writers_leave_one_whole_file()
    {
        string path = Path.Combine(_folder, "race.txt");
        Parallel.For(0, 16, i => AtomicFile.WriteAllText(path, new string((char)('a' + i), 10_000)));
        string text = File.ReadAllText(path);
        Assert.Equal(10_000, text.Length);
        Assert.All(text, c => Assert.Equal(text[0], c));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }
}
