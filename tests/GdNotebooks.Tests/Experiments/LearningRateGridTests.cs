using GdNotebooks.Interactive.Commands;

namespace GdNotebooks.Tests.Experiments;

public class LearningRateGridTests
{
    [Fact]
    public void Range_is_log_spaced_with_exact_ends()
    {
        var rates = LearningRateGrid.Parse("1e-4..10:25");
        Assert.Equal(25, rates.Length);
        Assert.Equal(1e-4, rates[0]);
        Assert.Equal(10, rates[^1]);
        for (int i = 1; i < rates.Length; i++) Assert.Equal(Math.Pow(10, 5.0 / 24), rates[i] / rates[i - 1], 10);
        Assert.Equal([0.01, 0.1, 1], LearningRateGrid.Parse("0.01..1:3"), new ToleranceComparer(1e-15));
        Assert.Equal([0.5], LearningRateGrid.Parse("0.5..2:1"));
    }

    [Fact]
    public void List_keeps_the_given_order() =>
        Assert.Equal([0.01, 0.1, 1.5], LearningRateGrid.Parse(" 0.01, 0.1 ,1.5"));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("1e-4..10:0", "count 0")]
    [InlineData("1e-4..10:-3", "count -3")]
    [InlineData("10..1e-4:5", "upward")]
    [InlineData("1..1:5", "upward")]
    [InlineData("0..1:5", "rate 0")]
    [InlineData("0.1,-1", "rate -1")]
    [InlineData("0.1,0", "rate 0")]
    [InlineData("1e-4..10:10001", "10,000")]
    [InlineData("1e-4..10", "no ':n'")]
    [InlineData("1e-4..10:x", "'x'")]
    [InlineData("..10:5", "both ends")]
    [InlineData("0.1,,1", "empty item")]
    [InlineData("0.1,abc", "'abc'")]
    [InlineData("0.1,1:3", "malformed")]
    [InlineData("1e-4..1..10:3", "malformed")]
    public void Bad_grids_are_usage_errors_naming_the_bad_part(string text, string expected)
    {
        var error = Assert.Throws<UsageException>(() => LearningRateGrid.Parse(text));
        Assert.StartsWith("--lrs: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));
        public int GetHashCode(double obj) => 0;
    }
}
