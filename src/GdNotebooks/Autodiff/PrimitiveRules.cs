namespace GdNotebooks.Autodiff;

/// <summary>
/// Every primitive's forward value next to its local derivatives ∂out/∂a and ∂out/∂b, in the spirit of
/// micrograd. The reverse pass only multiplies and accumulates these, so this is the whole calculus.
/// Run on <see cref="Dual"/> numbers the same rules also differentiate the derivatives themselves, which is
/// what makes Hessian-vector products exact.
/// </summary>
internal static class PrimitiveRules
{
    /// <summary>
    /// Returns op(a, b) and writes its partial derivatives. <paramref name="constant"/> is the fixed exponent of
    /// <see cref="Primitive.ConstantPower"/>; unary operations ignore b and leave dB zero.
    /// Non-finite inputs give non-finite outputs, never an exception.
    /// </summary>
    public static T Apply<T>(Primitive op, T a, T b, double constant, out T dA, out T dB) where T : struct, IScalar<T>
    {
        T one = T.Constant(1);
        dB = default;
        switch (op)
        {
            case Primitive.Add:
                dA = one; dB = one;
                return a + b;
            case Primitive.Subtract:
                dA = one; dB = -one;
                return a - b;
            case Primitive.Multiply:
                dA = b; dB = a;
                return a * b;
            case Primitive.Divide:
            {
                T quotient = a / b;
                dA = one / b; dB = -quotient / b;          // d(a/b)/db = −a/b²
                return quotient;
            }
            case Primitive.Power:
            {
                T power = T.Pow(a, b);
                dA = b * T.Pow(a, b - one); dB = power * T.Log(a);
                return power;
            }
            case Primitive.ConstantPower:
                // c = 0 is the constant 1; skipping c·a^(c−1) avoids 0·∞ at a = 0.
                dA = constant == 0 ? default : T.Constant(constant) * T.Pow(a, constant - 1);
                return T.Pow(a, constant);
            case Primitive.Negate:
                dA = -one;
                return -a;
            case Primitive.Sin:
                dA = T.Cos(a);
                return T.Sin(a);
            case Primitive.Cos:
                dA = -T.Sin(a);
                return T.Cos(a);
            case Primitive.Tan:
            {
                T tan = T.Tan(a);
                dA = one + tan * tan;                      // sec² a
                return tan;
            }
            case Primitive.Exp:
            {
                T exp = T.Exp(a);
                dA = exp;
                return exp;
            }
            case Primitive.Log:
                dA = one / a;
                return T.Log(a);
            case Primitive.Sqrt:
            {
                T root = T.Sqrt(a);
                dA = T.Constant(0.5) / root;
                return root;
            }
            case Primitive.Abs:
                dA = T.Sign(a);                            // 0 at a = 0, as PyTorch does
                return T.Abs(a);
            case Primitive.Tanh:
            {
                T tanh = T.Tanh(a);
                dA = one - tanh * tanh;
                return tanh;
            }
            case Primitive.Sigmoid:
            {
                T sigmoid = T.Sigmoid(a);
                dA = sigmoid * (one - sigmoid);
                return sigmoid;
            }
            default:
                throw new InvalidOperationException($"{op} is a leaf, not an operation");
        }
    }

    /// <summary>Operations with a second operand.</summary>
    public static bool IsBinary(Primitive op) =>
        op is Primitive.Add or Primitive.Subtract or Primitive.Multiply or Primitive.Divide or Primitive.Power;
}
