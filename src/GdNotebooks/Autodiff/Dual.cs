namespace GdNotebooks.Autodiff;

/// <summary>
/// A dual number v + ṫε with ε² = 0: carrying a tangent through every operation gives the directional
/// derivative exactly (forward mode). Running the reverse pass of a <see cref="Tape"/> on duals seeded with
/// a direction v gives ∇f in <see cref="Value"/> and H·v in <see cref="Tangent"/> (forward-over-reverse).
/// </summary>
internal readonly record struct Dual(double Value, double Tangent) : IScalar<Dual>
{
    public static Dual Constant(double value) => new(value, 0);

    public static Dual operator +(Dual a, Dual b) => new(a.Value + b.Value, a.Tangent + b.Tangent);
    public static Dual operator -(Dual a, Dual b) => new(a.Value - b.Value, a.Tangent - b.Tangent);
    public static Dual operator *(Dual a, Dual b) => new(a.Value * b.Value, a.Tangent * b.Value + a.Value * b.Tangent);
    public static Dual operator -(Dual a) => new(-a.Value, -a.Tangent);

    public static Dual operator /(Dual a, Dual b)
    {
        double q = a.Value / b.Value;
        return new(q, (a.Tangent - q * b.Tangent) / b.Value);
    }

    public static Dual Sin(Dual a) => new(Math.Sin(a.Value), Math.Cos(a.Value) * a.Tangent);
    public static Dual Cos(Dual a) => new(Math.Cos(a.Value), -Math.Sin(a.Value) * a.Tangent);
    public static Dual Log(Dual a) => new(Math.Log(a.Value), a.Tangent / a.Value);
    public static Dual Abs(Dual a) => new(Math.Abs(a.Value), Real.SignOf(a.Value) * a.Tangent);
    public static Dual Sign(Dual a) => new(Real.SignOf(a.Value), 0);

    public static Dual Tan(Dual a)
    {
        double t = Math.Tan(a.Value);
        return new(t, (1 + t * t) * a.Tangent);
    }

    public static Dual Exp(Dual a)
    {
        double e = Math.Exp(a.Value);
        return new(e, e * a.Tangent);
    }

    public static Dual Sqrt(Dual a)
    {
        double s = Math.Sqrt(a.Value);
        return new(s, a.Tangent / (2 * s));
    }

    public static Dual Tanh(Dual a)
    {
        double t = Math.Tanh(a.Value);
        return new(t, (1 - t * t) * a.Tangent);
    }

    public static Dual Sigmoid(Dual a)
    {
        double s = Numerics.SpecialFunctions.Sigmoid(a.Value);
        return new(s, s * (1 - s) * a.Tangent);
    }

    /// <summary>a^c for a fixed c; a zero tangent stays zero even where c·a^(c−1) is infinite.</summary>
    public static Dual Pow(Dual a, double exponent)
    {
        double tangent = exponent == 0 || a.Tangent == 0 ? 0 : exponent * Real.Power(a.Value, exponent - 1) * a.Tangent;
        return new(Real.Power(a.Value, exponent), tangent);
    }

    /// <summary>
    /// a^b = e^(b log a). Each term of the tangent is only formed when its own tangent is non-zero,
    /// so a base that does not vary does not bring log a (NaN for a &lt; 0) into the result.
    /// </summary>
    public static Dual Pow(Dual a, Dual b)
    {
        double p = Math.Pow(a.Value, b.Value);
        double viaBase = a.Tangent == 0 ? 0 : b.Value * Math.Pow(a.Value, b.Value - 1) * a.Tangent;
        double viaExponent = b.Tangent == 0 ? 0 : p * Math.Log(a.Value) * b.Tangent;
        return new(p, viaBase + viaExponent);
    }
}
