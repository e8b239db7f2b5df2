namespace GdNotebooks.Charts;

/// <summary>Axis scale: plotly's <c>axis.type</c> ("linear", "log", "category").</summary>
public enum AxisType { Linear, Log, Category }
