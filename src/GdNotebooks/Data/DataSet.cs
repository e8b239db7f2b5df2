using System.Globalization;

namespace GdNotebooks.Data;

/// <summary>
/// A small in-memory data set: <see cref="Rows"/> examples of <see cref="Columns"/> features, stored row-major in
/// <see cref="X"/> (feature j of example i is <c>X[i * Columns + j]</c>), and one target per example in <see cref="Y"/>.
/// For classification the targets are class indices 0 … <see cref="ClassCount"/> − 1; for regression
/// <see cref="ClassCount"/> is 0. Instances are treated as immutable: transforms return new data sets.
/// </summary>
public sealed class DataSet
{
    // The shipped files and their number of classes (0 for regression).
    private static readonly (string Name, int Classes)[] Known =
    [
        ("breast_cancer", 2), ("diabetes", 0), ("digits", 10),
        ("house_prices", 0), ("iris", 3), ("wine", 3),
    ];

    public DataSet(string name, IReadOnlyList<string> featureNames, double[] x, double[] y, int classCount)
    {
        if (featureNames.Count == 0) throw new ArgumentException("a data set needs at least one feature", nameof(featureNames));
        if (x.Length != y.Length * featureNames.Count)
            throw new ArgumentException($"X has {x.Length} values, expected {y.Length} rows × {featureNames.Count} features", nameof(x));
        if (classCount < 0 || classCount == 1) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "0 (regression) or at least 2");
        if (classCount > 0)
            foreach (var target in y)
                if (target != Math.Floor(target) || target < 0 || target >= classCount)
                    throw new ArgumentException($"class target {target} is not an index in 0…{classCount - 1}", nameof(y));
        Name = name;
        FeatureNames = featureNames;
        X = x;
        Y = y;
        ClassCount = classCount;
    }

    /// <summary>The data sets shipped in datasets/, the valid values of <c>data=</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = Known.Select(k => k.Name).ToArray();

    /// <summary>The shipped data sets whose class count satisfies <paramref name="classCount"/> (0 = regression).</summary>
    public static IReadOnlyList<string> NamesWhere(Func<int, bool> classCount) =>
        Known.Where(k => classCount(k.Classes)).Select(k => k.Name).ToArray();

    public string Name { get; }
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Features, row-major: Rows × Columns.</summary>
    public double[] X { get; }

    /// <summary>Targets: class indices (as doubles) or real values.</summary>
    public double[] Y { get; }

    /// <summary>Number of classes K for classification, 0 for regression.</summary>
    public int ClassCount { get; }

    public bool IsClassification => ClassCount > 0;
    public int Rows => Y.Length;
    public int Columns => FeatureNames.Count;

    /// <summary>The features of example <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> Row(int row) => X.AsSpan(row * Columns, Columns);

    /// <summary>
    /// Loads a shipped data set by name, offline: first <c>AppContext.BaseDirectory/datasets/NAME.csv</c> (the library's
    /// build copies the files there), then a <c>datasets/NAME.csv</c> in the current directory or any parent.
    /// Unknown names throw <see cref="UsageException"/> listing <see cref="Names"/>.
    /// </summary>
    public static DataSet Load(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().ToLowerInvariant();
        int index = Array.FindIndex(Known, k => k.Name == key);
        if (index < 0) throw UsageException.UnknownChoice("data set", name, Names);
        var path = Locate(key + ".csv")
            ?? throw new FileNotFoundException(
                $"data set '{key}' not found: looked for datasets/{key}.csv in {AppContext.BaseDirectory} and in " +
                $"{Directory.GetCurrentDirectory()} and its parents");
        using var reader = new StreamReader(path);
        return ReadCsv(key, reader, Known[index].Classes > 0);
    }

    /// <summary>
    /// Reads the uniform CSV format of datasets/: a header of feature names ending in <c>target</c>, then rows of
    /// plain numbers (invariant culture). For classification, K = 1 + the largest target.
    /// </summary>
    public static DataSet ReadCsv(string name, TextReader reader, bool classification)
    {
        var header = reader.ReadLine() ?? throw new FormatException($"data set '{name}' is empty");
        var columns = header.Split(',').Select(c => c.Trim()).ToArray();
        if (columns.Length < 2 || columns[^1] != "target")
            throw new FormatException($"data set '{name}': the header must list features and end with 'target', got '{header}'");
        int features = columns.Length - 1;
        var x = new List<double>();
        var y = new List<double>();
        int lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var cells = line.Split(',');
            if (cells.Length != columns.Length)
                throw new FormatException($"data set '{name}' line {lineNumber}: {cells.Length} values, expected {columns.Length}");
            for (int j = 0; j < cells.Length; j++)
            {
                if (!double.TryParse(cells[j], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                    throw new FormatException($"data set '{name}' line {lineNumber}: '{cells[j]}' is not a finite number");
                if (j < features) x.Add(value); else y.Add(value);
            }
        }
        int classes = classification ? (int)y.Max() + 1 : 0;
        return new DataSet(name, columns[..features], x.ToArray(), y.ToArray(), classes);
    }

    /// <summary>The examples with these row indices, in this order; same features and class count.</summary>
    public DataSet Subset(ReadOnlySpan<int> rows, string? name = null)
    {
        var x = new double[rows.Length * Columns];
        var y = new double[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            Row(rows[i]).CopyTo(x.AsSpan(i * Columns, Columns));
            y[i] = Y[rows[i]];
        }
        return new DataSet(name ?? Name, FeatureNames, x, y, ClassCount);
    }

    /// <summary>A seeded shuffle split into training and held-out examples; see <see cref="TrainTestSplit.Create"/>.</summary>
    public TrainTestSplit Split(double testFraction, int seed) => TrainTestSplit.Create(this, testFraction, seed);

    public override string ToString() =>
        $"{Name}: {Rows} × {Columns}" + (IsClassification ? $", {ClassCount} classes" : ", regression");

    private static string? Locate(string fileName)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "datasets", fileName);
        if (File.Exists(beside)) return beside;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "datasets", fileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
