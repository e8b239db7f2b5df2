using GdNotebooks.Numerics;

namespace GdNotebooks.Data;

/// <summary>
/// Training and held-out examples of one data set, from a seeded shuffle. <see cref="TrainRows"/> and
/// <see cref="TestRows"/> are the original row indices, so a split can be reproduced and audited.
/// </summary>
public sealed record TrainTestSplit(DataSet Train, DataSet Test, IReadOnlyList<int> TrainRows, IReadOnlyList<int> TestRows)
{
    /// <summary>
    /// Shuffles the row indices with <see cref="Xoshiro256StarStar"/>(<paramref name="seed"/>) and holds out the first
    /// ⌈fraction · n⌉ of them (as scikit-learn's train_test_split counts), keeping at least one training example.
    /// Each part keeps the shuffled order. Not stratified. A fraction of 0 leaves the test part empty.
    /// </summary>
    public static TrainTestSplit Create(DataSet data, double testFraction, int seed)
    {
        if (!(testFraction >= 0 && testFraction < 1))
            throw new UsageException($"test={testFraction} is out of range; valid: ≥ 0 and < 1 (the held-out fraction)");
        int n = data.Rows;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        new Xoshiro256StarStar(seed).Shuffle(order.AsSpan());
        // Subtracting a hair keeps 0.2 · 150 from becoming 31 through rounding noise.
        int testCount = Math.Min((int)Math.Ceiling(testFraction * n - 1e-9), n - 1);
        var testRows = order[..testCount];
        var trainRows = order[testCount..];
        return new TrainTestSplit(data.Subset(trainRows), data.Subset(testRows), trainRows, testRows);
    }
}
