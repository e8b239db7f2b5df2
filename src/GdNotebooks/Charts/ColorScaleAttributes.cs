namespace GdNotebooks.Charts;

/// <summary>The color-scale attributes heatmaps, contours and surfaces share.</summary>
internal static class ColorScaleAttributes
{
    public static void Write(PlotlyJsonWriter w, string? colorscale, bool? reverse, bool? show, string? colorBarTitle)
    {
        w.String("colorscale", colorscale);
        w.Bool("reversescale", reverse);
        w.Bool("showscale", show);
        if (colorBarTitle is null) return;
        w.Json.WriteStartObject("colorbar");
        w.Title("title", colorBarTitle);
        w.Json.WriteEndObject();
    }
}
