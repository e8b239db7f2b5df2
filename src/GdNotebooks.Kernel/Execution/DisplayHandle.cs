namespace GdNotebooks.Kernel.Execution;

/// <summary>What <c>display(x)</c> returns: a way to replace that output later, from this cell or another.</summary>
public sealed class DisplayHandle
{
    private readonly Action<DisplayHandle, object?, IReadOnlyList<string>> _update;

    internal DisplayHandle(string displayId, Action<DisplayHandle, object?, IReadOnlyList<string>> update)
    {
        DisplayId = displayId;
        _update = update;
    }

    /// <summary>The id front ends use to find the output (Jupyter's <c>transient.display_id</c>).</summary>
    public string DisplayId { get; }

    /// <summary>Replaces the displayed value with <paramref name="value"/>, formatted as <c>display</c> would.</summary>
    public void Update(object? value, params string[] mimeTypes) => _update(this, value, mimeTypes);

    /// <inheritdoc />
    public override string ToString() => $"display {DisplayId}";
}
