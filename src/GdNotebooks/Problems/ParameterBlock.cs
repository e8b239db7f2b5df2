namespace GdNotebooks.Problems;

/// <summary>
/// A tensor inside the flat parameter vector: <paramref name="Rows"/>×<paramref name="Columns"/> values from
/// <paramref name="Offset"/>, row-major, one row per output unit. Gradient centralization uses the rows.
/// A plain vector has <paramref name="Rows"/> = its length and <paramref name="Columns"/> = 1.
/// </summary>
public sealed record ParameterBlock(string Name, int Offset, int Rows, int Columns)
{
    public int Length => Rows * Columns;

    /// <summary>True for weight matrices (more than one column), the blocks that gradient centralization acts on.</summary>
    public bool IsMatrix => Columns > 1;

    public static IReadOnlyList<ParameterBlock> Vector(int length) => [new ParameterBlock("w", 0, length, 1)];
}
