namespace GdNotebooks.Charts;

public sealed partial record Figure
{
    /// <summary>
    /// Adds the traces of <paramref name="groups"/> and a slider that shows one group at a time, e.g. the loss curves
    /// for each learning rate. Traces already in the figure (a contour backdrop, a reference line) stay visible at
    /// every step. The slider works in the static page: no kernel needed.
    /// </summary>
    /// <param name="label">What the slider chooses, shown before the step label ("learning rate").</param>
    /// <param name="groups">One group per step, in slider order.</param>
    /// <param name="active">The group shown at first.</param>
    public Figure WithTraceSlider(string label, IEnumerable<TraceGroup> groups, int active = 0)
    {
        var (figure, list, visibility) = WithGroups(groups, active);
        var steps = list.Select((g, i) => SliderStep.ShowTraces(g.Label, visibility[i])).ToArray();
        return figure.WithSlider(new Slider { Steps = steps, Active = active, Prefix = $"{label} = ", PadTop = 50 });
    }

    /// <summary>
    /// As <see cref="WithTraceSlider"/>, but with a row of buttons above the plot (or a dropdown when
    /// <paramref name="dropdown"/>) — handier than a slider for a few unordered choices such as optimizers.
    /// </summary>
    public Figure WithTraceButtons(IEnumerable<TraceGroup> groups, int active = 0, bool dropdown = false)
    {
        var (figure, list, visibility) = WithGroups(groups, active);
        var buttons = list.Select((g, i) => Button.ShowTraces(g.Label, visibility[i])).ToArray();
        return figure.WithUpdateMenu(new UpdateMenu
        {
            Buttons = buttons, Type = dropdown ? "dropdown" : "buttons", Direction = dropdown ? "down" : "left",
            Active = active, ShowActive = true, X = 0, Y = 1.12, XAnchor = "left", YAnchor = "bottom",
        });
    }

    /// <summary>Appends the groups' traces (hidden unless in the active group) and computes each step's visibility array.</summary>
    private (Figure Figure, IReadOnlyList<TraceGroup> Groups, bool[][] Visibility) WithGroups(IEnumerable<TraceGroup> groups, int active)
    {
        var list = groups.ToList();
        if (list.Count == 0) throw new UsageException("a trace slider needs at least one group of traces");
        if (active < 0 || active >= list.Count)
            throw new UsageException($"active group {active} is out of range; valid: 0..{list.Count - 1}");

        int before = Data.Count, total = before + list.Sum(g => g.Traces.Count);
        var traces = new List<Trace>(Data);
        var visibility = new bool[list.Count][];
        for (int g = 0; g < list.Count; g++)
        {
            visibility[g] = new bool[total];
            for (int i = 0; i < before; i++) visibility[g][i] = Data[i].Visible ?? true;
        }
        for (int g = 0; g < list.Count; g++)
            foreach (Trace trace in list[g].Traces)
            {
                for (int s = 0; s < list.Count; s++) visibility[s][traces.Count] = s == g;
                traces.Add(trace with { Visible = g == active });
            }
        return (this with { Data = traces }, list, visibility);
    }
}
