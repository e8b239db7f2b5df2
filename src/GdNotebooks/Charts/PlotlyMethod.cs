namespace GdNotebooks.Charts;

/// <summary>
/// The plotly.js function a slider step or button calls: <c>restyle</c> changes trace attributes (e.g. <c>visible</c>),
/// <c>relayout</c> changes layout attributes, <c>update</c> does both, <c>skip</c> does nothing.
/// </summary>
public enum PlotlyMethod { Restyle, Relayout, Update, Skip }
