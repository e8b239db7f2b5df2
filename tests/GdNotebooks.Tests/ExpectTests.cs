namespace GdNotebooks.Tests;

public class ExpectTests
{
    [Fact]
    public void Passing_checks_are_silent() 
    {
        Expect.Near(2.01696, 2.01696 + 1e-12, 1e-9, "w");
        Expect.Relative(101, 100, 0.02, "x");
        Expect.Less(1, 2, "a");
        Expect.Greater(2, 1, "b");
        Expect.InRange(0.5, 0, 1, "c");
        Expect.True(true, "d");
    }

    [Fact]
    public void Failures_state_the_claim_and_the_numbers()
    {
        var e = Assert.Throws<ExpectationFailedException>(() => Expect.Near(2.1, 2.01696, 1e-9, "w after 5 steps"));
        Assert.Equal("w after 5 steps: expected 2.01696 ± 1e-9, got 2.1", e.Message);
        Assert.Throws<ExpectationFailedException>(() => Expect.Near(double.NaN, 0, 1, "nan never passes"));
        Assert.Throws<ExpectationFailedException>(() => Expect.Less(double.NaN, 1, "nan"));
        Assert.Contains("within 1%", Assert.Throws<ExpectationFailedException>(() => Expect.Relative(1.1, 1, 0.01, "r")).Message);
    }
}
