namespace GdNotebooks.IO;

/// <summary>
/// Replaces a file all at once: the new contents go to a temporary file in the same directory, which is flushed to
/// disk and then renamed over the target. A crash or an exception midway leaves the old file as it was and no
/// temporary file behind (a killed process may leave a <c>.NAME.*.tmp</c> file, never a half-written target).
/// </summary>
/// <remarks>
/// The rename is atomic on POSIX file systems and on NTFS when source and target share a directory, which is why the
/// temporary file is created next to the target rather than in the system temp folder. An existing target keeps its
/// Unix permission bits. A target that is read-only is refused rather than silently replaced. Missing folders are created.
/// </remarks>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="contents"/> as UTF-8 without a byte-order mark.</summary>
    public static void WriteAllText(string path, string contents) =>
        Write(path, stream =>
        {
            var bytes = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(contents);
            stream.Write(bytes);
        });

    /// <summary>
    /// Calls <paramref name="write"/> with a stream on a temporary file, then moves that file over <paramref name="path"/>.
    /// If <paramref name="write"/> throws, the temporary file is deleted, the target is untouched and the exception propagates.
    /// </summary>
    /// <exception cref="IOException">The target is read-only or a directory, or the disk failed.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is not writable.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string target = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(target) ?? throw new IOException($"'{path}' has no directory");
        Directory.CreateDirectory(directory);
        if (Directory.Exists(target)) throw new IOException($"'{path}' is a directory");
        bool exists = File.Exists(target);
        if (exists && File.GetAttributes(target).HasFlag(FileAttributes.ReadOnly))
            throw new IOException($"'{path}' is read-only");

        string temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            if (exists && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // The original error matters more than a leftover temporary file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
