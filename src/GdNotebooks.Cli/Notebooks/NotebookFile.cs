using GdNotebooks.IO;
namespace GdNotebooks.Cli.Notebooks;

/// <summary>
/// Reads and writes notebook files, choosing the format by extension: <c>.ipynb</c> (<see cref="IpynbFormat"/>) or
/// <c>.dib</c> (<see cref="DibFormat"/>, which documents how the two map). Every problem a user can cause — a missing
/// file, an unknown extension, bad JSON, a directory that does not exist — is a <see cref="UsageException"/> naming
/// the file; no other exception type escapes.
/// </summary>
public static class NotebookFile
{
    /// <summary>The extensions understood, in the order messages list them.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".ipynb", ".dib"];

    /// <summary>The format of <paramref name="path"/> by its extension (case-insensitive).</summary>
    /// <exception cref="UsageException">The extension is neither .ipynb nor .dib.</exception>
    public static NotebookFormat FormatOf(string path)
    {
        string extension = Path.GetExtension(path);
        if (extension.Equals(".ipynb", StringComparison.OrdinalIgnoreCase)) return NotebookFormat.Ipynb;
        if (extension.Equals(".dib", StringComparison.OrdinalIgnoreCase)) return NotebookFormat.Dib;
        string given = extension.Length == 0 ? "no extension" : $"the extension '{extension}'";
        throw new UsageException($"{path} has {given}; valid notebook extensions: {string.Join(", ", Extensions)}");
    }

    /// <summary>Reads a notebook. Ids are filled in where missing (see <see cref="Notebook.EnsureCellIds"/>).</summary>
    /// <exception cref="UsageException">No such file, unreadable, unknown extension, or not a notebook (with line and position for bad JSON).</exception>
    public static Notebook Read(string path)
    {
        var format = FormatOf(path);
        if (Directory.Exists(path)) throw new UsageException($"{path} is a directory, not a notebook");
        if (!File.Exists(path)) throw new UsageException($"no such file: {path}");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {e.Message}");
        }
        return format == NotebookFormat.Ipynb
            ? IpynbFormat.Parse(bytes, path)
            : DibFormat.Parse(NotebookText.Decode(bytes, path), path);
    }

    /// <summary>The notebook as the text of <paramref name="format"/>; see <see cref="IpynbFormat.Serialize"/> and <see cref="DibFormat.Serialize"/>.</summary>
    public static string Serialize(Notebook notebook, NotebookFormat format, string fileName = "notebook") =>
        format == NotebookFormat.Ipynb ? IpynbFormat.Serialize(notebook) : DibFormat.Serialize(notebook, fileName);

    /// <summary>
    /// Writes a notebook in the format of <paramref name="path"/>'s extension, atomically (<see cref="AtomicFile"/>):
    /// readers see the old file or the new one, never half of one. Cells without ids get one (this changes
    /// <paramref name="notebook"/>).
    /// </summary>
    /// <exception cref="UsageException">Unknown extension, a notebook .dib cannot hold (see <see cref="DibFormat.Serialize"/>),
    /// or the file cannot be written (no such directory, read-only, permission denied).</exception>
    public static void Write(Notebook notebook, string path)
    {
        string text = Serialize(notebook, FormatOf(path), path);
        try
        {
            AtomicFile.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {path}: {e.Message}");
        }
    }
}
