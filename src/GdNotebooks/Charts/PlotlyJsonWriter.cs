using System.Text.Json;
using System.Text.Json.Nodes;

namespace GdNotebooks.Charts;

/// <summary>
/// The one place that turns figure records into Plotly JSON. Every attribute goes through a method here, so two
/// rules hold everywhere: a null attribute is left out (plotly.js then uses its default), and a non-finite
/// number is written as JSON <c>null</c> (plotly.js draws a gap), so the output never holds NaN or Infinity.
/// </summary>
internal sealed class PlotlyJsonWriter(Utf8JsonWriter json)
{
    /// <summary>The underlying writer, for callers that write a value by hand.</summary>
    public Utf8JsonWriter Json { get; } = json;

    /// <summary>Writes a number, or <c>null</c> for NaN and ±Infinity, as an array element.</summary>
    public void NumberValue(double value)
    {
        if (double.IsFinite(value)) Json.WriteNumberValue(value);
        else Json.WriteNullValue();
    }

    public void String(string name, string? value)
    {
        if (value is not null) Json.WriteString(name, value);
    }

    public void Number(string name, double? value)
    {
        if (value is not { } v) return;
        Json.WritePropertyName(name);
        NumberValue(v);
    }

    public void Int(string name, int? value)
    {
        if (value is { } v) Json.WriteNumber(name, v);
    }

    public void Bool(string name, bool? value)
    {
        if (value is { } v) Json.WriteBoolean(name, v);
    }

    /// <summary>Plotly's title objects: <c>"title": {"text": …}</c> (the bare-string form is gone in plotly.js 3).</summary>
    public void Title(string name, string? text)
    {
        if (text is null) return;
        Json.WriteStartObject(name);
        Json.WriteString("text", text);
        Json.WriteEndObject();
    }

    public void Numbers(string name, IReadOnlyList<double>? values)
    {
        if (values is null) return;
        Json.WriteStartArray(name);
        foreach (double v in values) NumberValue(v);
        Json.WriteEndArray();
    }

    public void Array(string name, DataArray? values)
    {
        if (values is null) return;
        Json.WritePropertyName(name);
        values.WriteTo(this);
    }

    public void Grid(string name, DataGrid? grid)
    {
        if (grid is null) return;
        Json.WritePropertyName(name);
        grid.WriteTo(this);
    }

    public void Object(string name, IPlotlyObject? value)
    {
        if (value is null) return;
        Json.WritePropertyName(name);
        ObjectValue(value);
    }

    public void ObjectValue(IPlotlyObject value)
    {
        Json.WriteStartObject();
        value.WriteProperties(this);
        Json.WriteEndObject();
    }

    /// <summary>An array of objects; left out when null or empty.</summary>
    public void Objects<T>(string name, IReadOnlyList<T>? values) where T : IPlotlyObject
    {
        if (values is null || values.Count == 0) return;
        Json.WriteStartArray(name);
        foreach (T value in values) ObjectValue(value);
        Json.WriteEndArray();
    }

    /// <summary>Free-form JSON (slider and button arguments); numbers in it are the caller's to keep finite.</summary>
    public void Node(string name, JsonNode? node)
    {
        if (node is null) return;
        Json.WritePropertyName(name);
        node.WriteTo(Json);
    }
}
