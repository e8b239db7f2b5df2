using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GdNotebooks.Charts;

/// <summary>
/// A Plotly figure: traces (<c>data</c>) and a <see cref="Layout"/>. Immutable; every <c>With…</c>/<c>Add</c>
/// returns a new figure, so a notebook can build one fluently:
/// <code>
/// new Figure()
///     .Add(new ScatterTrace { X = lrs, Y = losses, Name = "sgd" })
///     .WithTitle("Loss vs learning rate").WithLogX()
///     .WithShape(Shape.VerticalLine(2 / L, "2/L"));
/// </code>
/// It renders as Plotly JSON (<see cref="ToJson"/>, mime type <see cref="MimeType"/>), a one-line summary
/// (<see cref="ToPlainText"/>) and HTML (<see cref="ToHtmlFragment"/>, <see cref="ToHtmlPage"/>, <see cref="WriteHtml"/>).
/// </summary>
public sealed partial record Figure
{
    /// <summary>The mime type under which notebook front ends draw <see cref="ToJson"/> natively.</summary>
    public const string MimeType = "application/vnd.plotly.v1+json";

    public IReadOnlyList<Trace> Data { get; init; } = [];
    public Layout Layout { get; init; } = new();
    /// <summary>The subplot grid made by <see cref="Subplots"/>, or null for a single plot. Not part of the JSON.</summary>
    public SubplotGrid? Grid { get; init; }

    /// <summary>This figure with <paramref name="traces"/> appended, drawn on top of the earlier ones.</summary>
    public Figure Add(params Trace[] traces) => this with { Data = [.. Data, .. traces] };

    /// <summary>This figure with <paramref name="traces"/> appended.</summary>
    public Figure AddRange(IEnumerable<Trace> traces) => this with { Data = [.. Data, .. traces] };

    public Figure WithLayout(Func<Layout, Layout> edit) => this with { Layout = edit(Layout) };
    public Figure WithTitle(string title) => WithLayout(l => l with { Title = title });
    public Figure WithSize(double width, double height) => WithLayout(l => l with { Width = width, Height = height });
    public Figure WithLegend(Legend legend) => WithLayout(l => l with { Legend = legend });

    /// <summary>Edits axis <paramref name="reference"/> ("x", "y", "x2", …).</summary>
    public Figure WithAxis(string reference, Func<Axis, Axis> edit) => WithLayout(l => l.WithAxis(reference, edit));
    public Figure WithXTitle(string title, string axis = "x") => WithAxis(axis, a => a with { Title = title });
    public Figure WithYTitle(string title, string axis = "y") => WithAxis(axis, a => a with { Title = title });
    /// <summary>Log scale on an x axis, with powers of ten as tick labels.</summary>
    public Figure WithLogX(string axis = "x") => WithAxis(axis, a => a with { Type = AxisType.Log, ExponentFormat = a.ExponentFormat ?? "power" });
    /// <summary>Log scale on a y axis, with powers of ten as tick labels.</summary>
    public Figure WithLogY(string axis = "y") => WithAxis(axis, a => a with { Type = AxisType.Log, ExponentFormat = a.ExponentFormat ?? "power" });

    public Figure WithAnnotation(Annotation annotation) => WithLayout(l => l with { Annotations = [.. l.Annotations, annotation] });
    public Figure WithShape(Shape shape) => WithLayout(l => l with { Shapes = [.. l.Shapes, shape] });
    /// <summary>Adds <see cref="Shape.VerticalLine"/>: a dashed, labelled line at <paramref name="x"/>.</summary>
    public Figure WithVerticalLine(double x, string? label = null, string xAxis = "x") => WithShape(Shape.VerticalLine(x, label, xAxis));
    public Figure WithSlider(Slider slider) => WithLayout(l => l with { Sliders = [.. l.Sliders, slider] });
    public Figure WithUpdateMenu(UpdateMenu menu) => WithLayout(l => l with { UpdateMenus = [.. l.UpdateMenus, menu] });

    /// <summary>
    /// <c>{"data":[…],"layout":{…}}</c> in Plotly's schema. Nulls are left out; NaN and ±Infinity become
    /// <c>null</c>. Characters that matter in HTML (&lt; &gt; &amp; ') are escaped, so the text can sit inside a script.
    /// </summary>
    public string ToJson(bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            var w = new PlotlyJsonWriter(json);
            json.WriteStartObject();
            json.WriteStartArray("data");
            foreach (Trace trace in Data) w.ObjectValue(trace);
            json.WriteEndArray();
            w.Object("layout", Layout);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// A one-line summary for <c>text/plain</c>, e.g.
    /// "Figure: 3 traces (scatter), title 'Loss vs learning rate', log x, 2 shapes, slider 'learning rate' (3 steps)".
    /// </summary>
    public string ToPlainText()
    {
        var kinds = Data.Select(t => t.Kind).Distinct();
        var text = new StringBuilder($"Figure: {Data.Count} trace{(Data.Count == 1 ? "" : "s")}");
        if (Data.Count > 0) text.Append($" ({string.Join(", ", kinds)})");
        if (Layout.Title is { } title) text.Append($", title '{title}'");
        if (Grid is { } grid) text.Append($", {grid.Rows}x{grid.Columns} subplots");
        foreach (var (key, axis) in Layout.Axes.OrderBy(a => a.Key, StringComparer.Ordinal))
            if (axis.Type == AxisType.Log) text.Append($", log {AxisReference.Normalize(key)}");
        AppendCount(text, Layout.Shapes.Count, "shape");
        AppendCount(text, Layout.Annotations.Count, "annotation");
        foreach (Slider slider in Layout.Sliders)
            text.Append($", slider{(slider.Prefix is { } p ? $" '{p.TrimEnd(' ', '=', ':')}'" : "")} ({slider.Steps.Count} steps)");
        AppendCount(text, Layout.UpdateMenus.Count, "menu");
        int gaps = Data.Sum(t => t.NonFiniteCount());
        if (gaps > 0) text.Append(string.Create(CultureInfo.InvariantCulture, $", {gaps} non-finite points shown as gaps"));
        return text.ToString();
    }

    /// <summary>The same as <see cref="ToPlainText"/>.</summary>
    public override string ToString() => ToPlainText();

    private static void AppendCount(StringBuilder text, int count, string noun)
    {
        if (count > 0) text.Append($", {count} {noun}{(count == 1 ? "" : "s")}");
    }
}
