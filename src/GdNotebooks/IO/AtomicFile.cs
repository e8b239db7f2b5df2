using System.Text;

namespace GdNotebooks.IO;

/// <summary>
/// Writes a file so that readers see either the old content or the whole new content, never half of it:
/// the text goes to a temporary file in the same folder (same volume, so the rename is atomic), which then
/// replaces the target with <see cref="File.Move(string, string, bool)"/>. On failure the temporary file is removed.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark) to <paramref name="path"/>, creating its folder.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new UsageException($"cannot write '{path}': it has no folder");
        Directory.CreateDirectory(folder);
        string temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
