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

    /// <summary><c>"diverged": [{"run": "trained", "diverged_at": 3, "lr": 1e300}]</c>, empty when no training run diverged.</summary>
    public static void Divergences(this Utf8JsonWriter json, IEnumerable<TrainingDivergence> divergences)
    {
        json.WriteStartArray("diverged");
        foreach (var d in divergences)
        {
            json.WriteStartObject();
            json.WriteString("run", d.Run);
            json.WriteNumber("diverged_at", d.Step);
            json.Number("lr", d.LearningRate);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public static void Numbers(this Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.NumberValue(v);
        json.WriteEndArray();
    }
}
