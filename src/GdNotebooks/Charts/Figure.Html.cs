namespace GdNotebooks.Charts;

public sealed partial record Figure
{
    /// <summary>
    /// HTML for a notebook's <c>text/html</c> output: a div and a script that draws the figure with or without
    /// require.js (see the remarks on the loader). plotly.js comes from <paramref name="source"/>, by default
    /// <see cref="PlotlySource.Resolve(bool)"/> without preferring the npm copy: the CDN, unless <c>GDNB_PLOTLY_JS</c> is set.
    /// </summary>
    /// <param name="divId">The div's id (a letter, then letters, digits, '-', '_'); a fresh "gdnb-…" id when null.</param>
    /// <param name="source">Where plotly.js comes from.</param>
    public string ToHtmlFragment(string? divId = null, PlotlySource? source = null) =>
        PlotlyHtml.Fragment(ToJson(), divId is null ? PlotlyHtml.NewDivId() : PlotlyHtml.CheckDivId(divId),
            source ?? PlotlySource.Resolve(preferInline: false), DivHeight());

    /// <summary>
    /// A whole HTML page showing the figure. plotly.js comes from <paramref name="source"/>, by default
    /// <see cref="PlotlySource.Resolve(bool)"/>: inlined from <c>GDNB_PLOTLY_JS</c> or the npm package when present (a
    /// self-contained page that works offline), else the CDN.
    /// </summary>
    public string ToHtmlPage(PlotlySource? source = null) =>
        PlotlyHtml.Page(ToHtmlFragment("gdnb-figure", source ?? PlotlySource.Resolve()), Layout.Title ?? "Figure");

    /// <summary>
    /// Writes <see cref="ToHtmlPage"/> to <paramref name="path"/> atomically and returns the plotly.js source used,
    /// so a command line can say it ("wrote loss.html; plotly.js inlined from …").
    /// </summary>
    public PlotlySource WriteHtml(string path, PlotlySource? source = null)
    {
        PlotlySource used = source ?? PlotlySource.Resolve();
        IO.AtomicFile.WriteAllText(path, ToHtmlPage(used));
        return used;
    }

    /// <summary>The div height in px: the layout's height, else 450 (plotly's default) or 300 per subplot row, plus room for a slider.</summary>
    private double DivHeight() =>
        Layout.Height ?? Math.Max(450, 300 * (Grid?.Rows ?? 1)) + (Layout.Sliders.Count > 0 ? 90 : 0);
}
