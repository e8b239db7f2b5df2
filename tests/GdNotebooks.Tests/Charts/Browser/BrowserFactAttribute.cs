namespace GdNotebooks.Tests.Charts.Browser;

/// <summary>
/// A fact that needs Chromium and the npm packages: skipped, with the reason, on a machine that lacks them, except
/// under CI=true, where it runs and so fails loudly if an install step is missing.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!BrowserEnvironment.InCi && BrowserEnvironment.MissingReason is { } reason) Skip = reason;
    }
}
