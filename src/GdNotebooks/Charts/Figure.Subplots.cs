namespace GdNotebooks.Charts;

public sealed partial record Figure
{
    /// <summary>
    /// An empty figure laid out as a <paramref name="rows"/> × <paramref name="columns"/> grid of 2-D subplots.
    /// Each cell gets its own pair of axes (domains and anchors set), see <see cref="SubplotGrid"/>; put traces in a
    /// cell with <see cref="Add(CartesianTrace, int, int)"/>. <paramref name="titles"/>, in reading order, are written
    /// above the cells.
    /// </summary>
    /// <param name="rows">Number of rows, 1..10.</param>
    /// <param name="columns">Number of columns, 1..10.</param>
    /// <param name="titles">Optional cell titles, row by row; fewer than the cells is fine.</param>
    public static Figure Subplots(int rows, int columns, params string[] titles)
    {
        if (rows is < 1 or > 10) throw new UsageException($"subplot rows {rows} is out of range; valid: 1..10");
        if (columns is < 1 or > 10) throw new UsageException($"subplot columns {columns} is out of range; valid: 1..10");
        if (titles.Length > rows * columns)
            throw new UsageException($"{titles.Length} subplot titles given for {rows * columns} cells");

        // Gaps between cells as fractions of the page, as plotly.py chooses them: 0.2/columns across, 0.3/rows down.
        double xGap = columns > 1 ? 0.2 / columns : 0, yGap = rows > 1 ? 0.3 / rows : 0;
        double width = (1 - xGap * (columns - 1)) / columns, height = (1 - yGap * (rows - 1)) / rows;
        var grid = new SubplotGrid(rows, columns);
        var layout = new Layout();
        var annotations = new List<Annotation>();
        for (int r = 1; r <= rows; r++)
        for (int c = 1; c <= columns; c++)
        {
            var (x, y) = grid.AxesOf(r, c);
            double left = (c - 1) * (width + xGap), top = 1 - (r - 1) * (height + yGap);
            double[] xDomain = [Fraction(left), Fraction(left + width)], yDomain = [Fraction(top - height), Fraction(top)];
            layout = layout.WithAxis(x, a => a with { Domain = xDomain, Anchor = y })
                           .WithAxis(y, a => a with { Domain = yDomain, Anchor = x });
            int cell = (r - 1) * columns + c - 1;
            if (cell < titles.Length && !string.IsNullOrEmpty(titles[cell]))
                annotations.Add(Annotation.OnPaper(titles[cell], (xDomain[0] + xDomain[1]) / 2, yDomain[1]) with
                {
                    XAnchor = "center", YAnchor = "bottom", Font = new Font { Size = 14 },
                });
        }
        return new Figure { Grid = grid, Layout = layout with { Annotations = annotations } };
    }

    /// <summary>This figure with <paramref name="trace"/> drawn in subplot cell (<paramref name="row"/>, <paramref name="column"/>), both 1-based.</summary>
    public Figure Add(CartesianTrace trace, int row, int column)
    {
        SubplotGrid grid = RequireGrid();
        var (x, y) = grid.AxesOf(row, column);
        return Add(trace.OnAxes(x, y));
    }

    /// <summary>The x axis reference of a subplot cell, for titles and log scales: <c>fig.WithLogX(fig.XAxisOf(1, 2))</c>.</summary>
    public string XAxisOf(int row, int column) => RequireGrid().AxesOf(row, column).XAxis;

    /// <summary>The y axis reference of a subplot cell.</summary>
    public string YAxisOf(int row, int column) => RequireGrid().AxesOf(row, column).YAxis;

    private SubplotGrid RequireGrid() =>
        Grid ?? throw new UsageException("this figure has no subplot grid; make it with Figure.Subplots(rows, columns)");

    private static double Fraction(double value) => Math.Clamp(Math.Round(value, 6), 0, 1);
}
