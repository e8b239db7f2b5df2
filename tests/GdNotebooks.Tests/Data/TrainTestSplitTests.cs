using GdNotebooks.Data;

namespace GdNotebooks.Tests.Data;

public class TrainTestSplitTests
{
    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_a_different_one()
    {
        var iris = DataSet.Load("iris");
        var a = iris.Split(0.2, seed: 7);
        var b = iris.Split(0.2, seed: 7);
        var c = iris.Split(0.2, seed: 8);
        Assert.Equal(a.TestRows, b.TestRows);
        Assert.Equal(a.Train.X, b.Train.X);
        Assert.NotEqual(a.TestRows, c.TestRows);
    }

    [Theory]
    [InlineData(0.2, 30)]
    [InlineData(0.25, 38)]
    [InlineData(0.0, 0)]
    public void Parts_are_disjoint_cover_every_row_and_hold_out_the_ceiling_of_the_fraction(double fraction, int testCount)
    {
        var iris = DataSet.Load("iris");
        var split = iris.Split(fraction, seed: 1);
        Assert.Equal(testCount, split.Test.Rows);
        Assert.Equal(150 - testCount, split.Train.Rows);
        Assert.Equal(Enumerable.Range(0, 150), split.TrainRows.Concat(split.TestRows).Order());
        if (testCount > 0) Assert.Equal(iris.Row(split.TestRows[0]).ToArray(), split.Test.Row(0).ToArray());
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    public void Fractions_outside_zero_to_one_are_usage_errors(double fraction)
    {
        var error = Assert.Throws<UsageException>(() => DataSet.Load("iris").Split(fraction, 0));
        Assert.Contains("test=", error.Message);
    }

    [Fact]
    public void Standardizer_fits_on_training_data_only()
    {
        var split = DataSet.Load("digits").Split(0.2, seed: 3);
        var scaler = Standardizer.Fit(split.Train);
        var train = scaler.Apply(split.Train);
        var test = scaler.Apply(split.Test);
        for (int j = 0; j < train.Columns; j++)
        {
            var column = Enumerable.Range(0, train.Rows).Select(i => train.X[i * train.Columns + j]).ToArray();
            double mean = column.Average();
            double variance = column.Select(v => (v - mean) * (v - mean)).Average();
            Assert.True(Math.Abs(mean) < 1e-12, $"column {j} mean {mean}");
            // Constant pixels (always 0 in training) stay 0 rather than NaN.
            Assert.True(Math.Abs(variance - 1) < 1e-9 || variance == 0, $"column {j} variance {variance}");
        }
        Assert.Equal((split.Test.X[5] - scaler.Means[5]) / scaler.Scales[5], test.X[5]);
        Assert.All(test.X, v => Assert.True(double.IsFinite(v)));
    }
}
