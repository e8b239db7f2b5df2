namespace GdNotebooks.Charts;

/// <summary>
/// A <c>z</c> grid for heatmaps, contours and surfaces, in Plotly's orientation: row j holds the values at y[j],
/// column i the values at x[i] (so <c>z[j][i] = f(x[i], y[j])</c>). Converts implicitly from <c>double[,]</c>
/// (indexed [row, column]) and <c>double[][]</c>; copied. Non-finite values are written as JSON <c>null</c>.
/// </summary>
public sealed class DataGrid
{
    private readonly double[][] _rows;

    private DataGrid(double[][] rows) => _rows = rows;

    /// <summary>Rows of values, copied.</summary>
    public static DataGrid Of(IEnumerable<IEnumerable<double>> rows) => new(rows.Select(r => r.ToArray()).ToArray());

    /// <summary>Evaluates <paramref name="f"/>(x[i], y[j]) on the grid, the usual way to draw a loss landscape.</summary>
    public static DataGrid Evaluate(IReadOnlyList<double> x, IReadOnlyList<double> y, Func<double, double, double> f)
    {
        var rows = new double[y.Count][];
        for (int j = 0; j < y.Count; j++)
        {
            rows[j] = new double[x.Count];
            for (int i = 0; i < x.Count; i++) rows[j][i] = f(x[i], y[j]);
        }
        return new DataGrid(rows);
    }

    public static implicit operator DataGrid(double[][] rows) => Of(rows);

    public static implicit operator DataGrid(double[,] values)
    {
        var rows = new double[values.GetLength(0)][];
        for (int j = 0; j < rows.Length; j++)
        {
            rows[j] = new double[values.GetLength(1)];
            for (int i = 0; i < rows[j].Length; i++) rows[j][i] = values[j, i];
        }
        return new DataGrid(rows);
    }

    /// <summary>Number of rows (the length of y).</summary>
    public int Rows => _rows.Length;

    /// <summary>Length of the longest row (the length of x).</summary>
    public int Columns => _rows.Length == 0 ? 0 : _rows.Max(r => r.Length);

    /// <summary>Value at row <paramref name="row"/> (y index), column <paramref name="column"/> (x index).</summary>
    public double this[int row, int column] => _rows[row][column];

    /// <summary>How many values are NaN or ±Infinity.</summary>
    public int NonFiniteCount() => _rows.Sum(r => r.Count(v => !double.IsFinite(v)));

    internal void WriteTo(PlotlyJsonWriter writer)
    {
        writer.Json.WriteStartArray();
        foreach (double[] row in _rows)
        {
            writer.Json.WriteStartArray();
            foreach (double v in row) writer.NumberValue(v);
            writer.Json.WriteEndArray();
        }
        writer.Json.WriteEndArray();
    }
}
