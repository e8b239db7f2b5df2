namespace GdNotebooks.Specs;

/// <summary>
/// Wraps <see cref="SpecArguments"/> for things that print themselves back as a canonical spec:
/// every read value that differs from its default is remembered, in reading order, so
/// <c>ToString()</c> can write <c>name:key=value,…</c> with exactly the non-default keys.
/// Also reads optional values (no default) and required ones (an error naming the key when absent).
/// </summary>
internal sealed class CanonicalSpecReader(Spec spec, string what)
{
    private readonly SpecArguments _args = spec.Read(what);
    private readonly List<KeyValuePair<string, SpecValue>> _nonDefault = [];

    public string What => what;

    /// <summary>The arguments that differ from their defaults, in the order they were read.</summary>
    public IReadOnlyList<KeyValuePair<string, SpecValue>> NonDefault => _nonDefault;

    public double Double(string key, double fallback, double min = double.NegativeInfinity, double max = double.PositiveInfinity,
        double maxExclusive = double.NaN, double minExclusive = double.NaN)
    {
        double value = _args.Double(key, fallback, min, max, maxExclusive, minExclusive);
        if (value != fallback) Remember(key, new SpecValue.Number(value));
        return value;
    }

    /// <summary>A number with no default: null when absent (the key still counts as valid).</summary>
    public double? OptionalDouble(string key, double min = double.NegativeInfinity, double max = double.PositiveInfinity,
        double maxExclusive = double.NaN, double minExclusive = double.NaN)
    {
        if (spec[key] is null)
        {
            _args.Bool(key, false); // registers the key as valid without reading a value
            return null;
        }
        double value = _args.Double(key, 0, min, max, maxExclusive, minExclusive);
        Remember(key, new SpecValue.Number(value));
        return value;
    }

    public int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        int value = _args.Int(key, fallback, min, max);
        if (value != fallback) Remember(key, new SpecValue.Number(value));
        return value;
    }

    public int? OptionalInt(string key, int min = int.MinValue, int max = int.MaxValue)
    {
        if (spec[key] is null)
        {
            _args.Bool(key, false);
            return null;
        }
        int value = _args.Int(key, 0, min, max);
        Remember(key, new SpecValue.Number(value));
        return value;
    }

    /// <summary>A whole number the user must give; the error says which key and what range.</summary>
    public int RequiredInt(string key, int min)
    {
        if (spec[key] is null) throw new UsageException($"{what} needs {key}=… (a whole number ≥ {min})");
        return OptionalInt(key, min)!.Value;
    }

    /// <summary>A number the user must give; <paramref name="range"/> describes the valid values for the error.</summary>
    public double RequiredDouble(string key, string range, double min = double.NegativeInfinity, double minExclusive = double.NaN)
    {
        if (spec[key] is null) throw new UsageException($"{what} needs {key}=… (valid: {range})");
        return OptionalDouble(key, min: min, minExclusive: minExclusive)!.Value;
    }

    /// <summary>A strictly increasing list of whole numbers ≥ <paramref name="min"/> that the user must give.</summary>
    public int[] RequiredIncreasingInts(string key, int min)
    {
        if (spec[key] is null) throw new UsageException($"{what} needs {key}=[…] (increasing whole numbers ≥ {min})");
        var values = _args.Ints(key, null, min)!;
        if (values.Length == 0) throw new UsageException($"{key}=[] for {what} is empty; give increasing whole numbers ≥ {min}");
        for (int i = 1; i < values.Length; i++)
            if (values[i] <= values[i - 1])
                throw new UsageException($"{key}={spec[key]} for {what} must be strictly increasing");
        Remember(key, new SpecValue.List(values.Select(v => (SpecValue)new SpecValue.Number(v)).ToArray()));
        return values;
    }

    public bool Bool(string key, bool fallback)
    {
        bool value = _args.Bool(key, fallback);
        if (value != fallback) Remember(key, new SpecValue.Boolean(value));
        return value;
    }

    public string Choice(string key, string fallback, params string[] choices)
    {
        string value = _args.Choice(key, fallback, choices);
        if (value != fallback) Remember(key, new SpecValue.Identifier(value));
        return value;
    }

    public void Done() => _args.Done();

    private void Remember(string key, SpecValue value) => _nonDefault.Add(new(key, value));
}
