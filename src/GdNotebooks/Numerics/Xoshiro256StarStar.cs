namespace GdNotebooks.Numerics;

/// <summary>
/// The xoshiro256** generator (Blackman &amp; Vigna, "Scrambled linear pseudorandom number generators", 2021),
/// seeded by expanding a 64-bit seed with SplitMix64 as its authors recommend. We fix our own generator because
/// <see cref="Random"/>'s seeded algorithm is an implementation detail that .NET may change; this stream is
/// defined here, bit for bit, and never changes for a given seed.
/// <para>
/// Integers, doubles, bounded integers and shuffles are exact functions of the stream. <see cref="NextGaussian"/>
/// also calls <see cref="Math.Log(double)"/>, <see cref="Math.Sqrt"/>, <see cref="Math.Cos"/> and <see cref="Math.Sin"/>,
/// whose last bit may differ between platforms' math libraries.
/// </para>
/// Not thread-safe: give each consumer its own instance.
/// </summary>
public sealed class Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareGaussian = double.NaN;

    public Xoshiro256StarStar(ulong seed)
    {
        // SplitMix64 never yields four zero words from one seed, so the all-zero state (a fixed point) is impossible.
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>A generator for a signed seed (negative seeds are reinterpreted as their 64-bit pattern).</summary>
    public Xoshiro256StarStar(long seed) : this(unchecked((ulong)seed)) { }

    /// <summary>
    /// SplitMix64 (Steele, Lea &amp; Flood 2014): x += 0x9E3779B97F4A7C15, then two xor-shift-multiply rounds.
    /// Public so that tests and other seeders can check the expansion against published values.
    /// </summary>
    public static ulong SplitMix64(ref ulong x)
    {
        x = unchecked(x + 0x9E3779B97F4A7C15UL);
        ulong z = x;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits: result = rotl(s1 · 5, 7) · 9, then the xor-shift state update.</summary>
    public ulong NextUInt64()
    {
        ulong result = unchecked(ulong.RotateLeft(_s1 * 5, 7) * 9);
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A double uniform on [0, 1): the top 53 bits times 2⁻⁵³, so every value is a multiple of 2⁻⁵³.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// An integer uniform on [0, <paramref name="maxExclusive"/>), without modulo bias: Lemire's multiply-high
    /// method with rejection ("Fast random integer generation in an interval", 2019).
    /// </summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "must be positive");
        ulong bound = (ulong)maxExclusive;
        ulong high = Math.BigMul(NextUInt64(), bound, out ulong low);
        if (low < bound)
        {
            ulong threshold = unchecked(0UL - bound) % bound;   // 2⁶⁴ mod bound
            while (low < threshold) high = Math.BigMul(NextUInt64(), bound, out low);
        }
        return (int)high;
    }

    /// <summary>
    /// A standard normal deviate by the Box–Muller transform: with u₁ ∈ (0, 1], u₂ ∈ [0, 1),
    /// r = √(−2 ln u₁), the pair (r cos 2πu₂, r sin 2πu₂); the second value is kept for the next call.
    /// </summary>
    public double NextGaussian()
    {
        if (!double.IsNaN(_spareGaussian))
        {
            double spare = _spareGaussian;
            _spareGaussian = double.NaN;
            return spare;
        }
        double u1 = 1.0 - NextDouble();   // (0, 1]: keeps ln finite
        double u2 = NextDouble();
        double r = Math.Sqrt(-2.0 * Math.Log(u1));
        double angle = 2.0 * Math.PI * u2;
        _spareGaussian = r * Math.Sin(angle);
        return r * Math.Cos(angle);
    }

    /// <summary>Fisher–Yates shuffle in place: for i from n−1 down to 1, swap item i with a uniform j ≤ i.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
