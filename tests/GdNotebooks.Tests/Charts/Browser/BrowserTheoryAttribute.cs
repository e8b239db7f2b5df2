namespace GdNotebooks.Tests.Charts.Browser;

/// <summary>The theory form of <see cref="BrowserFactAttribute"/>.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!BrowserEnvironment.InCi && BrowserEnvironment.MissingReason is { } reason) Skip = reason;
    }
}
