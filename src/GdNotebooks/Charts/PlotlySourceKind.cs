namespace GdNotebooks.Charts;

/// <summary>Where a page gets plotly.js from.</summary>
public enum PlotlySourceKind
{
    /// <summary>A script URL, by default Plotly's CDN: small pages that need the network.</summary>
    Cdn,
    /// <summary>The library's text copied into the page from a local file: large pages that work offline.</summary>
    Inline,
}
