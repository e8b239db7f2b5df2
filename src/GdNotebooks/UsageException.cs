namespace GdNotebooks;

/// <summary>
/// A mistake in what the user asked for: a bad spec, an unknown name or key, a malformed number.
/// The message names the bad part and, where there is a fixed set, lists the valid choices.
/// The CLI turns it into exit code 2; the kernel into an error output. Nothing else escapes the parsers.
/// </summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }

    /// <summary>"unknown optimizer 'adamm'; valid: sgd, adam, …" — the usual shape of a choice error.</summary>
    public static UsageException UnknownChoice(string what, string given, IEnumerable<string> valid) =>
        new($"unknown {what} '{given}'; valid {Plural(what)}: {string.Join(", ", valid)}");

    private static string Plural(string what) => what.EndsWith('s') ? what : what.EndsWith('y') ? what[..^1] + "ies" : what + "s";
}
