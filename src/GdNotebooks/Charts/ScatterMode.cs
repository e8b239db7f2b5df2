namespace GdNotebooks.Charts;

/// <summary>How a scatter trace draws its points: plotly's <c>mode</c> ("lines", "markers", "lines+markers").</summary>
public enum ScatterMode { Lines, Markers, LinesAndMarkers }
