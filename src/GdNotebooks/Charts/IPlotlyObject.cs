namespace GdNotebooks.Charts;

/// <summary>A piece of a figure that writes its own Plotly attributes (the braces are the caller's).</summary>
internal interface IPlotlyObject
{
    /// <summary>Writes this object's attributes, under plotly.js's names, into the object the writer has open.</summary>
    void WriteProperties(PlotlyJsonWriter writer);
}
