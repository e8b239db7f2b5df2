namespace GdNotebooks.Charts;

/// <summary>How a contour trace fills between levels: plotly's <c>contours.coloring</c> ("fill", "heatmap", "lines", "none").</summary>
public enum ContourColoring { Fill, Heatmap, Lines, None }
