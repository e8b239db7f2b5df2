using GdNotebooks.Data;

namespace GdNotebooks.Numerics;

/// <summary>
/// Classification examples as the fast path reads them: features as a row-major float32 matrix whose rows are padded
/// with zeros to a multiple of 8 columns (<see cref="Stride"/>), and class labels as integers. Immutable after
/// construction and safe to share between threads.
/// </summary>
public sealed class Float32Examples
{
    public Float32Examples(DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.IsClassification) throw new ArgumentException($"data set {data.Name} is a regression set; the float32 path trains classifiers", nameof(data));
        Rows = data.Rows;
        Columns = data.Columns;
        ClassCount = data.ClassCount;
        Stride = PadTo8(Columns);
        X = new float[(long)Rows * Stride];
        Labels = new int[Rows];
        for (int i = 0; i < Rows; i++)
        {
            var row = data.Row(i);
            for (int j = 0; j < Columns; j++) X[(long)i * Stride + j] = (float)row[j];
            Labels[i] = (int)data.Y[i];
        }
    }

    public int Rows { get; }
    public int Columns { get; }
    public int ClassCount { get; }

    /// <summary>Columns rounded up to a multiple of 8: the row stride of <see cref="X"/>.</summary>
    public int Stride { get; }

    /// <summary>Rows × Stride features; padding columns are 0.</summary>
    public float[] X { get; }

    public int[] Labels { get; }

    /// <summary>n rounded up to a multiple of 8 (the width of a <see cref="System.Runtime.Intrinsics.Vector256{T}"/> of floats).</summary>
    public static int PadTo8(int n) => (n + 7) & ~7;
}
