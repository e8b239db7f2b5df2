namespace GdNotebooks.Cli.Notebooks;

/// <summary>
/// The notebook's <c>metadata.kernelspec</c>: which Jupyter kernel opens it. nbformat requires <c>name</c> and
/// <c>display_name</c>; <c>language</c> is customary.
/// </summary>
public sealed record Kernelspec(string Name, string DisplayName, string? Language = null)
{
    /// <summary>The GdNotebooks kernel: <c>gdnotebooks</c>, "C# (GdNotebooks)", <c>csharp</c>.</summary>
    public static Kernelspec GdNotebooks { get; } = new("gdnotebooks", "C# (GdNotebooks)", "csharp");
}
