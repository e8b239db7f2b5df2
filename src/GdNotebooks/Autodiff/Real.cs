namespace GdNotebooks.Autodiff;

/// <summary>A plain double as an <see cref="IScalar{T}"/>: what values and gradients are computed in.</summary>
internal readonly record struct Real(double Value) : IScalar<Real>
{
    public static Real Constant(double value) => new(value);

    public static Real operator +(Real a, Real b) => new(a.Value + b.Value);
    public static Real operator -(Real a, Real b) => new(a.Value - b.Value);
    public static Real operator *(Real a, Real b) => new(a.Value * b.Value);
    public static Real operator /(Real a, Real b) => new(a.Value / b.Value);
    public static Real operator -(Real a) => new(-a.Value);

    public static Real Sin(Real a) => new(Math.Sin(a.Value));
    public static Real Cos(Real a) => new(Math.Cos(a.Value));
    public static Real Tan(Real a) => new(Math.Tan(a.Value));
    public static Real Exp(Real a) => new(Math.Exp(a.Value));
    public static Real Log(Real a) => new(Math.Log(a.Value));
    public static Real Sqrt(Real a) => new(Math.Sqrt(a.Value));
    public static Real Abs(Real a) => new(Math.Abs(a.Value));
    public static Real Tanh(Real a) => new(Math.Tanh(a.Value));
    public static Real Sigmoid(Real a) => new(Numerics.SpecialFunctions.Sigmoid(a.Value));
    public static Real Sign(Real a) => new(SignOf(a.Value));
    public static Real Pow(Real a, double exponent) => new(Power(a.Value, exponent));
    public static Real Pow(Real a, Real exponent) => new(Math.Pow(a.Value, exponent.Value));

    /// <summary>x^c, with the common squares and first powers done by multiplication, which is several times faster.</summary>
    internal static double Power(double x, double exponent) => exponent switch
    {
        2 => x * x,
        1 => x,
        _ => Math.Pow(x, exponent),
    };

    /// <summary>Like <see cref="Math.Sign(double)"/>, but NaN gives NaN instead of throwing.</summary>
    internal static double SignOf(double x) => x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : double.NaN;
}
