namespace GdNotebooks.Charts;

/// <summary>Finds files of npm packages installed by <c>npm ci</c>, for pages that inline them to work offline.</summary>
public static class NpmCopy
{
    /// <summary>
    /// The first <c>node_modules/<paramref name="relativePath"/></c> found walking up from the current directory, then
    /// from <see cref="AppContext.BaseDirectory"/>; null when there is none.
    /// </summary>
    public static string? Find(string relativePath)
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "node_modules", relativePath);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }
}
