namespace GdNotebooks.Specs;

/// <summary>
/// Reads a spec's arguments with defaults and range checks. Every key asked for becomes a valid key,
/// so <see cref="Done"/> can name an unknown key together with the valid ones.
/// </summary>
/// <example><code>
/// var args = spec.Read("optimizer adam");
/// double beta1 = args.Double("beta1", 0.9, min: 0, maxExclusive: 1);
/// args.Done();   // throws "unknown key 'beta3' for optimizer adam; valid keys: beta1, …"
/// </code></example>
public sealed class SpecArguments(Spec spec, string what)
{
    private readonly List<string> _known = [];

    public Spec Spec => spec;

    public double Double(string key, double fallback, double min = double.NegativeInfinity, double max = double.PositiveInfinity,
        double maxExclusive = double.NaN, double minExclusive = double.NaN)
    {
        var value = Get(key) switch
        {
            null => fallback,
            SpecValue.Number n => n.Value,
            var other => throw Bad(key, other, "a number"),
        };
        CheckRange(key, value, min, max, minExclusive, maxExclusive);
        return value;
    }

    public int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = Get(key) switch
        {
            null => fallback,
            SpecValue.Number n when n.Value == Math.Floor(n.Value) && Math.Abs(n.Value) < int.MaxValue => (int)n.Value,
            var other => throw Bad(key, other, "a whole number"),
        };
        if (value < min || value > max)
            throw new UsageException($"{key}={value} for {what} is out of range; valid: {RangeText(min, max)}");
        return value;
    }

    public bool Bool(string key, bool fallback) => Get(key) switch
    {
        null => fallback,
        SpecValue.Boolean b => b.Value,
        var other => throw Bad(key, other, "true or false"),
    };

    public string Choice(string key, string fallback, params string[] choices)
    {
        var value = Get(key) switch
        {
            null => fallback,
            SpecValue.Identifier id => id.Name.ToLowerInvariant(),
            var other => throw Bad(key, other, "one of " + string.Join(", ", choices)),
        };
        if (!choices.Contains(value))
            throw new UsageException($"{key}={value} for {what} is not a valid choice; valid: {string.Join(", ", choices)}");
        return value;
    }

    /// <summary>A list of numbers; a single number is read as a list of one.</summary>
    public double[]? Doubles(string key, double[]? fallback, double min = double.NegativeInfinity, double minExclusive = double.NaN)
    {
        var value = Get(key) switch
        {
            null => fallback,
            SpecValue.Number n => [n.Value],
            SpecValue.List list when list.Items.All(i => i is SpecValue.Number) =>
                list.Items.Select(i => ((SpecValue.Number)i).Value).ToArray(),
            var other => throw Bad(key, other, "a list of numbers like [1,2]"),
        };
        foreach (var v in value ?? []) CheckRange(key, v, min, double.PositiveInfinity, minExclusive, double.NaN);
        return value;
    }

    public int[]? Ints(string key, int[]? fallback, int min = int.MinValue)
    {
        var values = Doubles(key, null);
        if (values is null) return fallback;
        if (values.Any(v => v != Math.Floor(v) || v < min || v > int.MaxValue))
            throw new UsageException($"{key}={Get(key)} for {what} must be whole numbers ≥ {min}{(values.Any(v => v > int.MaxValue) ? $" and ≤ {int.MaxValue}" : "")}");
        return values.Select(v => (int)v).ToArray();
    }

    /// <summary>An identifier argument (e.g. <c>data=digits</c>), or the fallback.</summary>
    public string Identifier(string key, string fallback) => Get(key) switch
    {
        null => fallback,
        SpecValue.Identifier id => id.Name,
        var other => throw Bad(key, other, "a name"),
    };

    /// <summary>Throws when the spec has a key that none of the reads above asked for.</summary>
    public void Done()
    {
        foreach (var (key, _) in spec.Arguments)
            if (!_known.Contains(key))
                throw new UsageException(_known.Count == 0
                    ? $"unknown key '{key}' for {what}: it takes no arguments"
                    : $"unknown key '{key}' for {what}; valid keys: {string.Join(", ", _known)}");
    }

    private SpecValue? Get(string key)
    {
        if (!_known.Contains(key)) _known.Add(key);
        return spec[key];
    }

    private void CheckRange(string key, double value, double min, double max, double minExclusive, double maxExclusive)
    {
        bool ok = value >= min && value <= max
            && (double.IsNaN(minExclusive) || value > minExclusive)
            && (double.IsNaN(maxExclusive) || value < maxExclusive);
        if (ok) return;
        string lower = !double.IsNaN(minExclusive) ? $"> {minExclusive}" : double.IsNegativeInfinity(min) ? "" : $"≥ {min}";
        string upper = !double.IsNaN(maxExclusive) ? $"< {maxExclusive}" : double.IsPositiveInfinity(max) ? "" : $"≤ {max}";
        string range = string.Join(" and ", new[] { lower, upper }.Where(s => s.Length > 0));
        throw new UsageException($"{key}={value} for {what} is out of range; valid: {range}");
    }

    private static string RangeText(int min, int max) =>
        max == int.MaxValue ? $"≥ {min}" : $"{min} to {max}";

    private UsageException Bad(string key, SpecValue given, string expected) =>
        new($"{key}={given} for {what} must be {expected}");
}
