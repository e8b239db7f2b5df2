namespace GdNotebooks.Charts;

/// <summary>
/// The values of one data attribute (<c>x</c>, <c>y</c>, <c>text</c>, …): numbers or strings (categories).
/// Converts implicitly from arrays and lists, so <c>X = new[] { 1.0, 2, 3 }</c> just works. The values are copied,
/// so later changes to the source do not change the figure. NaN and ±Infinity are kept here and written as
/// JSON <c>null</c>, which plotly.js draws as a gap.
/// </summary>
public sealed class DataArray
{
    private readonly double[]? _numbers;
    private readonly string?[]? _texts;

    private DataArray(double[]? numbers, string?[]? texts) => (_numbers, _texts) = (numbers, texts);

    /// <summary>Numbers, copied.</summary>
    public static DataArray Of(IEnumerable<double> values) => new(values.ToArray(), null);

    /// <summary>Integers (steps, batch sizes), as numbers.</summary>
    public static DataArray Of(IEnumerable<int> values) => new(values.Select(v => (double)v).ToArray(), null);

    /// <summary>Category labels, copied; a null label is written as JSON null.</summary>
    public static DataArray Of(IEnumerable<string?> values) => new(null, values.ToArray());

    /// <summary>0, 1, …, count − 1: the usual x for a per-step series.</summary>
    public static DataArray Range(int count) => new(Enumerable.Range(0, count).Select(i => (double)i).ToArray(), null);

    public static implicit operator DataArray(double[] values) => Of(values);
    public static implicit operator DataArray(float[] values) => new(values.Select(v => (double)v).ToArray(), null);
    public static implicit operator DataArray(int[] values) => Of(values);
    public static implicit operator DataArray(string[] values) => Of(values);
    public static implicit operator DataArray(List<double> values) => Of(values);
    public static implicit operator DataArray(List<int> values) => Of(values);
    public static implicit operator DataArray(List<string> values) => Of(values);

    /// <summary>Number of points.</summary>
    public int Count => _numbers?.Length ?? _texts!.Length;

    /// <summary>True when the values are numbers rather than category labels.</summary>
    public bool IsNumeric => _numbers is not null;

    /// <summary>The numbers (NaN and ±Infinity included), or null when the values are labels.</summary>
    public IReadOnlyList<double>? Numbers => _numbers;

    /// <summary>The labels, or null when the values are numbers.</summary>
    public IReadOnlyList<string?>? Texts => _texts;

    /// <summary>Index of the first NaN or ±Infinity, or −1 (always −1 for labels).</summary>
    public int FirstNonFinite() => _numbers is null ? -1 : System.Array.FindIndex(_numbers, v => !double.IsFinite(v));

    /// <summary>How many values are NaN or ±Infinity.</summary>
    public int NonFiniteCount() => _numbers?.Count(v => !double.IsFinite(v)) ?? 0;

    internal void WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartArray();
        if (_numbers is not null)
            foreach (double v in _numbers) writer.NumberValue(v);
        else
            foreach (string? t in _texts!)
                if (t is null) writer.Json.WriteNullValue(); else writer.Json.WriteStringValue(t);
        writer.Json.WriteEndArray();
    }
}
