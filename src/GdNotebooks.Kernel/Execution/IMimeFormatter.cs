namespace GdNotebooks.Kernel.Execution;

/// <summary>Turns a value into a mime bundle. The engine formats every displayed and returned value through one of these.</summary>
public interface IMimeFormatter
{
    /// <summary>
    /// Renders <paramref name="value"/>. With <paramref name="mimeTypes"/> non-empty, only those types are wanted
    /// (a formatter may still add text/plain).
    /// </summary>
    MimeBundle Format(object? value, IReadOnlyList<string> mimeTypes);
}
