namespace GdNotebooks.Interactive.Commands;

/// <summary>
/// Shared options a verb has no use for (<c>lr-sweep --lr</c>, <c>batch-noise --batch</c>): given anyway, they are refused
/// with the reason, never silently ignored, so a user does not believe they changed the experiment.
/// </summary>
internal static class InapplicableOptions
{
    /// <summary>Throws <see cref="UsageException"/> naming the first of <paramref name="names"/> that was given.</summary>
    public static void Refuse(ParsedCommand options, string reason, params string[] names)
    {
        foreach (string name in names)
            if (options.Has(name)) throw new UsageException($"{name} does not apply to {options.Command.Name}: {reason}");
    }
}
