namespace GdNotebooks.Charts;

/// <summary>
/// Traces shown together at one slider step or button, e.g. the loss curves of one learning rate.
/// See <see cref="Figure.WithTraceSlider"/>.
/// </summary>
/// <param name="Label">The step's label, e.g. "0.1".</param>
/// <param name="Traces">The traces shown at that step.</param>
public sealed record TraceGroup(string Label, IReadOnlyList<Trace> Traces)
{
    /// <summary>A group of one or more traces.</summary>
    public TraceGroup(string label, params Trace[] traces) : this(label, (IReadOnlyList<Trace>)traces) { }
}
