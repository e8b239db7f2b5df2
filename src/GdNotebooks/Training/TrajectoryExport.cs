using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GdNotebooks.Training;

/// <summary>
/// A trajectory as text: CSV with the columns <c>step,loss,lr,grad_norm,w0,w1,…</c>, an aligned table for people,
/// and JSON (non-finite numbers become null, as JSON has no NaN).
/// </summary>
public static class TrajectoryExport
{
    public static string ToCsv(this Trajectory trajectory)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", Header(trajectory)));
        foreach (var row in Rows(trajectory, Csv)) text.AppendLine(string.Join(",", row));
        return text.ToString();
    }

    public static string ToTable(this Trajectory trajectory)
    {
        var header = Header(trajectory);
        var rows = Rows(trajectory, Short).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.AppendLine(string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i]))));
        foreach (var row in rows) text.AppendLine(string.Join("  ", row.Select((c, i) => c.PadLeft(widths[i]))));
        return text.ToString();
    }

    public static string ToJson(this Trajectory trajectory)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("problem", trajectory.Settings.Problem.Name);
            json.WriteString("optimizer", trajectory.Settings.Optimizer.ToString());
            json.WriteString("schedule", trajectory.Settings.Schedule.ToString());
            WriteNumber(json, "lr", trajectory.Settings.LearningRate);
            if (trajectory.DivergedAt is int k) json.WriteNumber("diverged_at", k);
            else json.WriteNull("diverged_at");
            json.WriteStartArray("steps");
            foreach (var point in trajectory.Points)
            {
                json.WriteStartObject();
                json.WriteNumber("step", point.Step);
                WriteNumber(json, "loss", point.Loss);
                WriteNumber(json, "lr", point.LearningRate);
                WriteNumber(json, "grad_norm", point.GradientNorm);
                if (point.Parameters is { } w)
                {
                    json.WriteStartArray("w");
                    foreach (var value in w) WriteNumber(json, null, value);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("final_w");
            foreach (var value in trajectory.FinalParameters) WriteNumber(json, null, value);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    private static List<string> Header(Trajectory trajectory)
    {
        var header = new List<string> { "step", "loss", "lr", "grad_norm" };
        if (trajectory.Points.Count > 0 && trajectory.Points[0].Parameters is { } w)
            header.AddRange(Enumerable.Range(0, w.Length).Select(i => $"w{i}"));
        return header;
    }

    private static IEnumerable<string[]> Rows(Trajectory trajectory, Func<double, string> format) =>
        trajectory.Points.Select(p =>
        {
            var cells = new List<string>
            {
                p.Step.ToString(CultureInfo.InvariantCulture), format(p.Loss),
                p.LearningRate is double lr ? format(lr) : "", format(p.GradientNorm),
            };
            if (p.Parameters is { } w) cells.AddRange(w.Select(format));
            return cells.ToArray();
        });

    // 15 significant digits: every digit the arithmetic can vouch for, and 0.6 rather than 0.6000000000000001.
    private static string Csv(double value) => Finite(value) ?? value.ToString("G15", CultureInfo.InvariantCulture);

    private static string Short(double value) => Finite(value) ?? value.ToString("G8", CultureInfo.InvariantCulture);

    private static string? Finite(double value) =>
        double.IsNaN(value) ? "nan" : double.IsPositiveInfinity(value) ? "inf" : double.IsNegativeInfinity(value) ? "-inf" : null;

    private static void WriteNumber(Utf8JsonWriter json, string? name, double? value)
    {
        if (name is not null) json.WritePropertyName(name);
        if (value is double v && double.IsFinite(v)) json.WriteNumberValue(v);
        else json.WriteNullValue();
    }
}
