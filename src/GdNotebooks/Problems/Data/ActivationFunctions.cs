using GdNotebooks.Numerics;

namespace GdNotebooks.Problems.Data;

/// <summary>
/// Activations with their first and second derivatives (the second is what the R-operator needs), on spans:
/// <list type="bullet">
/// <item>relu: φ = max(z, 0), φ′ = [z &gt; 0] (0 at the kink, as PyTorch), φ″ = 0.</item>
/// <item>tanh: φ = tanh z, φ′ = 1 − φ², φ″ = −2φ(1 − φ²).</item>
/// <item>sigmoid: φ = σ(z), φ′ = σ(1 − σ), φ″ = σ(1 − σ)(1 − 2σ).</item>
/// <item>gelu (exact, PyTorch's approximate='none'): φ = z Φ(z), φ′ = Φ(z) + z ϕ(z), φ″ = ϕ(z)(2 − z²), with Φ and ϕ
/// the standard normal CDF and density (<see cref="SpecialFunctions"/>).</item>
/// </list>
/// </summary>
public static class ActivationFunctions
{
    /// <summary>The spec names, in the order of <see cref="Activation"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["relu", "tanh", "sigmoid", "gelu"];

    public static string Name(Activation activation) => Names[(int)activation];

    public static Activation Parse(string name)
    {
        int index = Names.ToList().IndexOf(name.ToLowerInvariant());
        return index >= 0 ? (Activation)index : throw UsageException.UnknownChoice("activation", name, Names);
    }

    /// <summary>output = φ(z), element-wise.</summary>
    public static void Apply(Activation activation, ReadOnlySpan<double> z, Span<double> output)
    {
        for (int i = 0; i < z.Length; i++) output[i] = Value(activation, z[i]);
    }

    /// <summary>output = φ(z), first = φ′(z), second = φ″(z), element-wise.</summary>
    public static void ApplyWithDerivatives(Activation activation, ReadOnlySpan<double> z, Span<double> output,
        Span<double> first, Span<double> second)
    {
        for (int i = 0; i < z.Length; i++)
        {
            double x = z[i];
            switch (activation)
            {
                case Activation.Relu:
                    output[i] = x > 0 ? x : 0;
                    first[i] = x > 0 ? 1 : 0;
                    second[i] = 0;
                    break;
                case Activation.Tanh:
                {
                    double t = Math.Tanh(x), slope = 1 - t * t;
                    output[i] = t;
                    first[i] = slope;
                    second[i] = -2 * t * slope;
                    break;
                }
                case Activation.Sigmoid:
                {
                    double s = Numerics.SpecialFunctions.Sigmoid(x), slope = s * (1 - s);
                    output[i] = s;
                    first[i] = slope;
                    second[i] = slope * (1 - 2 * s);
                    break;
                }
                case Activation.Gelu:
                {
                    double cdf = SpecialFunctions.NormalCdf(x), pdf = SpecialFunctions.NormalPdf(x);
                    output[i] = x * cdf;
                    first[i] = cdf + x * pdf;
                    second[i] = pdf * (2 - x * x);
                    break;
                }
                default:
                    throw new ArgumentOutOfRangeException(nameof(activation), activation, null);
            }
        }
    }

    /// <summary>φ(z) for one value.</summary>
    public static double Value(Activation activation, double z) => activation switch
    {
        Activation.Relu => z > 0 ? z : 0,
        Activation.Tanh => Math.Tanh(z),
        Activation.Sigmoid => Numerics.SpecialFunctions.Sigmoid(z),
        Activation.Gelu => z * SpecialFunctions.NormalCdf(z),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
    };
}
