using System.Text;
using System.Text.Json;

namespace GdNotebooks.Experiments;

/// <summary>Writes result JSON with System.Text.Json, turning NaN and ±Infinity into null (JSON has no such numbers).</summary>
public static class JsonOutput
{
    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    public static void Number(this Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        json.NumberValue(value);
    }

    public static void NumberValue(this Utf8JsonWriter json, double? value)
    {
        if (value is double v && double.IsFinite(v)) json.WriteNumberValue(v);
        else json.WriteNullValue();
    }

    public static void Numbers(this Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.NumberValue(v);
        json.WriteEndArray();
    }
}
