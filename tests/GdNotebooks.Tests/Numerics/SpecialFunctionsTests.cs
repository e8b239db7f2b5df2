using GdNotebooks.Numerics;

namespace GdNotebooks.Tests.Numerics;

public class SpecialFunctionsTests
{
    // Reference values from CPython's math.erf and math.erfc (Debian's /usr/bin/python3).
    [Theory]
    [InlineData(0.0, 0.0, 1.0)]
    [InlineData(1e-08, 1.1283791670955126e-08, 0.9999999887162083)]
    [InlineData(0.1, 0.1124629160182849, 0.8875370839817152)]
    [InlineData(0.5, 0.5204998778130465, 0.4795001221869535)]
    [InlineData(1.0, 0.8427007929497149, 0.15729920705028513)]
    [InlineData(2.0, 0.9953222650189527, 0.004677734981047265)]
    [InlineData(2.9, 0.9999589021219005, 4.109787809945886e-05)]
    [InlineData(3.0, 0.9999779095030014, 2.2090496998585438e-05)]
    [InlineData(3.1, 0.9999883513426328, 1.1648657367199589e-05)]
    [InlineData(4.0, 0.9999999845827421, 1.541725790028002e-08)]
    [InlineData(5.5, 0.9999999999999927, 7.357847917974398e-15)]
    [InlineData(-0.7, -0.6778011938374184, 1.6778011938374184)]
    [InlineData(-3.5, -0.9999992569016276, 1.9999992569016276)]
    public void Erf_and_erfc_match_reference_values(double x, double erf, double erfc)
    {
        Assert.True(Math.Abs(SpecialFunctions.Erf(x) - erf) <= 1e-15, $"erf({x}) = {SpecialFunctions.Erf(x):R}, expected {erf:R}");
        Assert.True(Math.Abs(SpecialFunctions.Erfc(x) - erfc) <= 1e-15, $"erfc({x}) = {SpecialFunctions.Erfc(x):R}, expected {erfc:R}");
        if (x > 3) Assert.True(Math.Abs(SpecialFunctions.Erfc(x) / erfc - 1) <= 1e-13, "erfc keeps relative accuracy in the tail");
    }

    [Fact]
    public void Erf_handles_infinities_and_nan()
    {
        Assert.Equal(1.0, SpecialFunctions.Erf(double.PositiveInfinity));
        Assert.Equal(-1.0, SpecialFunctions.Erf(double.NegativeInfinity));
        Assert.Equal(0.0, SpecialFunctions.Erfc(double.PositiveInfinity));
        Assert.True(double.IsNaN(SpecialFunctions.Erf(double.NaN)));
    }

    [Fact]
    public void Normal_cdf_is_accurate_in_the_lower_tail()
    {
        // Φ(−10) = 7.61985302416047e-24 (scipy.stats.norm.cdf); 1 + erf would round it to 0.
        Assert.True(Math.Abs(SpecialFunctions.NormalCdf(-10) / 7.61985302416047e-24 - 1) < 1e-12);
        Assert.Equal(0.5, SpecialFunctions.NormalCdf(0));
    }
}
