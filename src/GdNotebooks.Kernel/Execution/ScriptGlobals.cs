using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// Members every cell can use without qualification: <c>display(x)</c>, <c>ClearOutput()</c> and the
/// <c>CancellationToken</c> an interrupt cancels. Pass it to long-running work (an experiment's run method)
/// so the stop button stops it.
/// </summary>
[SuppressMessage("Style", "IDE1006", Justification = "display(x) is the .NET Interactive and Jupyter spelling.")]
public sealed class ScriptGlobals
{
    private readonly CellRouter _router;
    private object?[] _carried = [];

    internal ScriptGlobals(CellRouter router) => _router = router;

    /// <summary>Cancelled when the user interrupts the kernel while this cell runs.</summary>
    public CancellationToken CancellationToken => _router.Current?.CancellationToken ?? CancellationToken.None;

    /// <summary>Shows <paramref name="value"/> below the cell now, and returns a handle to update it later.</summary>
    /// <param name="value">Anything; formatted by the kernel's mime formatter.</param>
    /// <param name="mimeTypes">Optional: the mime types wanted; a string value is then taken as content of those types.</param>
    public DisplayHandle display(object? value, params string[] mimeTypes) => _router.Display(value, mimeTypes);

    /// <summary>Clears this cell's output; with <paramref name="wait"/>, when the next output arrives.</summary>
    public void ClearOutput(bool wait = false) => _router.Publish(new ClearOutput(wait));

    /// <summary>
    /// Not for cells: the code the kernel writes when it starts a new compilation chain reads each carried
    /// variable's value through this (see <see cref="SubmissionChain"/>).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public T __Carried<T>(int index) => (T)_carried[index]!;

    /// <summary>Sets the values <see cref="__Carried{T}"/> returns; empty again once the carry has run.</summary>
    internal void Carry(object?[] values) => _carried = values;
}
