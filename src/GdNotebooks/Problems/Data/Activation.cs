namespace GdNotebooks.Problems.Data;

/// <summary>The hidden-layer nonlinearities of <see cref="Mlp"/> (spec key <c>act=</c>); see <see cref="ActivationFunctions"/>.</summary>
public enum Activation
{
    /// <summary>max(z, 0).</summary>
    Relu,

    /// <summary>tanh z.</summary>
    Tanh,

    /// <summary>1/(1 + e^{−z}).</summary>
    Sigmoid,

    /// <summary>z Φ(z), the exact (erf-based) GELU.</summary>
    Gelu,
}
