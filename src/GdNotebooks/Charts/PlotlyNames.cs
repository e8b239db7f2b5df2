namespace GdNotebooks.Charts;

/// <summary>The strings plotly.js expects for this library's enums.</summary>
internal static class PlotlyNames
{
    public static string Of(ScatterMode mode) => mode switch
    {
        ScatterMode.Lines => "lines",
        ScatterMode.Markers => "markers",
        ScatterMode.LinesAndMarkers => "lines+markers",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static string Of(Dash dash) => dash switch
    {
        Dash.Solid => "solid",
        Dash.Dot => "dot",
        Dash.Dash => "dash",
        Dash.LongDash => "longdash",
        Dash.DashDot => "dashdot",
        Dash.LongDashDot => "longdashdot",
        _ => throw new ArgumentOutOfRangeException(nameof(dash), dash, null),
    };

    public static string Of(AxisType type) => type switch
    {
        AxisType.Linear => "linear",
        AxisType.Log => "log",
        AxisType.Category => "category",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Of(ContourColoring coloring) => coloring switch
    {
        ContourColoring.Fill => "fill",
        ContourColoring.Heatmap => "heatmap",
        ContourColoring.Lines => "lines",
        ContourColoring.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(coloring), coloring, null),
    };

    public static string Of(PlotlyMethod method) => method switch
    {
        PlotlyMethod.Restyle => "restyle",
        PlotlyMethod.Relayout => "relayout",
        PlotlyMethod.Update => "update",
        PlotlyMethod.Skip => "skip",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static string? Of(ScatterMode? mode) => mode is { } m ? Of(m) : null;
    public static string? Of(Dash? dash) => dash is { } d ? Of(d) : null;
    public static string? Of(AxisType? type) => type is { } t ? Of(t) : null;
    public static string? Of(ContourColoring? coloring) => coloring is { } c ? Of(c) : null;
}
