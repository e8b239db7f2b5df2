namespace GdNotebooks.Charts;

/// <summary>
/// Everything about a figure that is not data: plotly's <c>layout</c>. Axes are kept by their trace reference
/// ("x", "y", "x2", …) and written under plotly's layout keys ("xaxis", "yaxis", "xaxis2", …).
/// </summary>
public sealed record Layout : IPlotlyObject
{
    public string? Title { get; init; }
    /// <summary>2-D axes by reference ("x", "y2", …; "xaxis2" is accepted and normalised on write).</summary>
    public IReadOnlyDictionary<string, Axis> Axes { get; init; } = new Dictionary<string, Axis>();
    /// <summary>The 3-D box of surface traces.</summary>
    public Scene? Scene { get; init; }
    public Legend? Legend { get; init; }
    public bool? ShowLegend { get; init; }
    public IReadOnlyList<Annotation> Annotations { get; init; } = [];
    public IReadOnlyList<Shape> Shapes { get; init; } = [];
    public IReadOnlyList<Slider> Sliders { get; init; } = [];
    public IReadOnlyList<UpdateMenu> UpdateMenus { get; init; } = [];
    /// <summary>Size in px; null lets the figure fill its container.</summary>
    public double? Width { get; init; }
    public double? Height { get; init; }
    /// <summary>"closest", "x", "x unified", … (plotly's <c>hovermode</c>).</summary>
    public string? HoverMode { get; init; }
    /// <summary>"group", "stack", "overlay" or "relative" (plotly's <c>barmode</c>).</summary>
    public string? BarMode { get; init; }

    /// <summary>The axis with this reference ("x", "y2", …), or null when the layout does not set it.</summary>
    public Axis? GetAxis(string reference)
    {
        string key = AxisReference.Normalize(reference);
        foreach (var (k, axis) in Axes)
            if (AxisReference.Normalize(k) == key) return axis;
        return null;
    }

    /// <summary>This layout with axis <paramref name="reference"/> replaced by <paramref name="edit"/> of it (or of a new axis).</summary>
    public Layout WithAxis(string reference, Func<Axis, Axis> edit)
    {
        string key = AxisReference.Normalize(reference);
        var axes = new Dictionary<string, Axis>();
        foreach (var (k, axis) in Axes) axes[AxisReference.Normalize(k)] = axis;
        axes[key] = edit(axes.GetValueOrDefault(key) ?? new Axis());
        return this with { Axes = axes };
    }

    void IPlotlyObject.WriteProperties(PlotlyJsonWriter w)
    {
        w.Title("title", Title);
        foreach (var (key, axis) in Axes
                     .Select(kv => (Ref: AxisReference.Parse(kv.Key), kv.Value))
                     .OrderBy(a => a.Ref.Letter).ThenBy(a => a.Ref.Index)
                     .Select(a => (AxisReference.LayoutKey($"{a.Ref.Letter}{a.Ref.Index}"), a.Value)))
            w.Object(key, axis);
        w.Object("scene", Scene);
        w.Object("legend", Legend);
        w.Bool("showlegend", ShowLegend);
        w.Number("width", Width);
        w.Number("height", Height);
        w.String("hovermode", HoverMode);
        w.String("barmode", BarMode);
        w.Objects("annotations", Annotations);
        w.Objects("shapes", Shapes);
        w.Objects("sliders", Sliders);
        w.Objects("updatemenus", UpdateMenus);
    }
}
