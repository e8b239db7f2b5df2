namespace GdNotebooks.Charts;

/// <summary>Line dash styles: plotly's <c>line.dash</c> ("solid", "dot", "dash", "longdash", "dashdot", "longdashdot").</summary>
public enum Dash { Solid, Dot, Dash, LongDash, DashDot, LongDashDot }
