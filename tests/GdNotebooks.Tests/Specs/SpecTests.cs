using GdNotebooks.Specs;

namespace GdNotebooks.Tests.Specs;

public class SpecTests
{
    [Fact]
    public void Parses_names_numbers_identifiers_booleans_and_lists()
    {
        var spec = Spec.Parse("quadratic:a=[1,100],center=[3,-1],data=digits,amsgrad=true,eps=1e-8");

        Assert.Equal("quadratic", spec.Name);
        Assert.Equal(new SpecValue.List([new SpecValue.Number(1), new SpecValue.Number(100)]), spec["a"]);
        Assert.Equal(new SpecValue.List([new SpecValue.Number(3), new SpecValue.Number(-1)]), spec["center"]);
        Assert.Equal(new SpecValue.Identifier("digits"), spec["data"]);
        Assert.Equal(new SpecValue.Boolean(true), spec["amsgrad"]);
        Assert.Equal(new SpecValue.Number(1e-8), spec["eps"]);
        Assert.Null(spec["missing"]);
    }

    [Fact]
    public void Round_trips_through_ToString()
    {
        var spec = Spec.Parse(" adam : beta1 = 0.9 , beta2=0.999 ");

        Assert.Equal("adam:beta1=0.9,beta2=0.999", spec.ToString());
        Assert.Equal(spec, Spec.Parse(spec.ToString()));
    }

    [Theory]
    [InlineData("", "empty spec")]
    [InlineData("adam:", "expected a key")]
    [InlineData("adam:beta1", "expected '='")]
    [InlineData("adam:beta1=", "missing value")]
    [InlineData("adam:beta1=0.9,", "expected a key")]
    [InlineData("adam:beta1=0.9,beta1=0.8", "given twice")]
    [InlineData("adam:beta1=1.2.3", "malformed number '1.2.3'")]
    [InlineData("adam:beta1=nan", "not a usable number")]
    [InlineData("q:a=[1,2", "expected ']'")]
    [InlineData("9adam", "expected a name")]
    [InlineData("adam beta", "unexpected 'b'")]
    public void Grammar_errors_name_the_problem_and_position(string text, string message)
    {
        var e = Assert.Throws<UsageException>(() => Spec.Parse(text));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Reader_rejects_unknown_keys_listing_the_valid_ones()
    {
        var args = Spec.Parse("adam:beta3=0.9").Read("optimizer adam");
        args.Double("beta1", 0.9);
        args.Double("beta2", 0.999);

        var e = Assert.Throws<UsageException>(args.Done);
        Assert.Equal("unknown key 'beta3' for optimizer adam; valid keys: beta1, beta2", e.Message);
    }

    [Fact]
    public void Reader_checks_ranges_and_types()
    {
        var args = Spec.Parse("adam:beta1=1.5,amsgrad=3,steps=2.5").Read("optimizer adam");

        Assert.Contains("beta1=1.5 for optimizer adam is out of range; valid: ≥ 0 and < 1",
            Assert.Throws<UsageException>(() => args.Double("beta1", 0.9, min: 0, maxExclusive: 1)).Message);
        Assert.Contains("amsgrad=3 for optimizer adam must be true or false",
            Assert.Throws<UsageException>(() => args.Bool("amsgrad", false)).Message);
        Assert.Contains("must be a whole number", Assert.Throws<UsageException>(() => args.Int("steps", 1)).Message);
    }
}
