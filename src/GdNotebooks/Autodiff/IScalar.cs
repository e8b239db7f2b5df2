namespace GdNotebooks.Autodiff;

/// <summary>
/// The number type a <see cref="Tape"/> runs on: <see cref="Real"/> for values and gradients,
/// <see cref="Dual"/> (value plus tangent) for Hessian-vector products. Generic code over this interface
/// is specialised by the JIT for each struct, so the abstraction costs nothing at run time.
/// <c>default(T)</c> must be zero.
/// </summary>
internal interface IScalar<T> where T : struct, IScalar<T>
{
    /// <summary>A number that does not vary with the inputs (zero tangent).</summary>
    static abstract T Constant(double value);

    static abstract T operator +(T a, T b);
    static abstract T operator -(T a, T b);
    static abstract T operator *(T a, T b);
    static abstract T operator /(T a, T b);
    static abstract T operator -(T a);

    static abstract T Sin(T a);
    static abstract T Cos(T a);
    static abstract T Tan(T a);
    static abstract T Exp(T a);
    static abstract T Log(T a);
    static abstract T Sqrt(T a);
    static abstract T Abs(T a);
    static abstract T Tanh(T a);
    static abstract T Sigmoid(T a);

    /// <summary>−1, 0 or +1 (NaN for NaN): the slope of |a|, piecewise constant so its tangent is zero.</summary>
    static abstract T Sign(T a);

    static abstract T Pow(T a, double exponent);
    static abstract T Pow(T a, T exponent);
}
