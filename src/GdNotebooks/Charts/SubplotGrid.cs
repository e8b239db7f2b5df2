namespace GdNotebooks.Charts;

/// <summary>
/// A figure's grid of 2-D subplots: cell (row, column), both 1-based and row 1 on top, uses axes number
/// (row − 1) × columns + column, i.e. "x"/"y" for the first cell, "x2"/"y2" for the next.
/// </summary>
public sealed record SubplotGrid(int Rows, int Columns)
{
    /// <summary>The axis references of a cell: (1, 1) → ("x", "y").</summary>
    public (string XAxis, string YAxis) AxesOf(int row, int column)
    {
        if (row < 1 || row > Rows) throw new UsageException($"subplot row {row} is out of range; the grid has rows 1..{Rows}");
        if (column < 1 || column > Columns) throw new UsageException($"subplot column {column} is out of range; the grid has columns 1..{Columns}");
        int index = (row - 1) * Columns + column;
        return (AxisReference.Of('x', index), AxisReference.Of('y', index));
    }
}
