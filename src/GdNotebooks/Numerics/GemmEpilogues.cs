using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GdNotebooks.Numerics;

/// <summary>The fused starts and finishes of <see cref="Gemm"/> tiles used by the training and curvature kernels.</summary>
internal static class GemmEpilogues
{
    /// <summary>C = Σ.</summary>
    public readonly struct Store : IGemmEpilogue
    {
        public static bool CanSplitSum => true;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public Vector256<float> Start(ref float c, int row, int col) => Vector256<float>.Zero;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public float StartScalar(ref float c, int row, int col) => 0f;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public void Finish(ref float c, Vector256<float> sum, int row, int col) => sum.StoreUnsafe(ref c);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public void FinishScalar(ref float c, float sum, int row, int col) => c = sum;
    }

    /// <summary>C = C + Σ (the chain starts from C's value).</summary>
    public readonly struct Accumulate : IGemmEpilogue
    {
        public static bool CanSplitSum => true;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public Vector256<float> Start(ref float c, int row, int col) => Vector256.LoadUnsafe(ref c);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public float StartScalar(ref float c, int row, int col) => c;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public void Finish(ref float c, Vector256<float> sum, int row, int col) => sum.StoreUnsafe(ref c);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public void FinishScalar(ref float c, float sum, int row, int col) => c = sum;
    }

    /// <summary>C = b + Σ, with the bias b[col] (a layer's pre-activation).</summary>
    public readonly struct Bias(float[] bias) : IGemmEpilogue
    {
        public static bool CanSplitSum => true;
        private readonly float[] _bias = bias;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public Vector256<float> Start(ref float c, int row, int col) =>
            Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_bias), (nuint)col);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public float StartScalar(ref float c, int row, int col) => _bias[col];
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public void Finish(ref float c, Vector256<float> sum, int row, int col) => sum.StoreUnsafe(ref c);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public void FinishScalar(ref float c, float sum, int row, int col) => c = sum;
    }

    /// <summary>C = max(0, b + Σ): a ReLU layer's activation. NaN stays NaN (vmaxps returns its second operand on NaN).</summary>
    public readonly struct BiasRelu(float[] bias) : IGemmEpilogue
    {
        public static bool CanSplitSum => true;
        private readonly float[] _bias = bias;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public Vector256<float> Start(ref float c, int row, int col) =>
            Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_bias), (nuint)col);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public float StartScalar(ref float c, int row, int col) => _bias[col];
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public void Finish(ref float c, Vector256<float> sum, int row, int col) =>
            Relu(sum).StoreUnsafe(ref c);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public void FinishScalar(ref float c, float sum, int row, int col) => c = 0f > sum ? 0f : sum;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Relu(Vector256<float> x) =>
            System.Runtime.Intrinsics.X86.Avx.IsSupported
                ? System.Runtime.Intrinsics.X86.Avx.Max(Vector256<float>.Zero, x)
                : Vector256.ConditionalSelect(Vector256.GreaterThan(Vector256<float>.Zero, x), Vector256<float>.Zero, x);
    }

    /// <summary>
    /// C = (start + Σ) where gate[row, col] &gt; 0, else 0: backpropagation through a ReLU whose output is the gate
    /// (φ′ = 1 where the unit is active). With <c>accumulate</c> the chain starts from C, else from 0.
    /// </summary>
    public readonly struct ReluGate(float[] gate, int gateStride, bool accumulate) : IGemmEpilogue
    {
        public static bool CanSplitSum => true;
        private readonly float[] _gate = gate;
        private readonly int _stride = gateStride;
        private readonly bool _accumulate = accumulate;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public Vector256<float> Start(ref float c, int row, int col) =>
            _accumulate ? Vector256.LoadUnsafe(ref c) : Vector256<float>.Zero;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public float StartScalar(ref float c, int row, int col) => _accumulate ? c : 0f;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Finish(ref float c, Vector256<float> sum, int row, int col)
        {
            var g = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_gate), (nuint)(row * _stride + col));
            (sum & Vector256.GreaterThan(g, Vector256<float>.Zero)).StoreUnsafe(ref c);
        }
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void FinishScalar(ref float c, float sum, int row, int col) => c = _gate[row * _stride + col] > 0f ? sum : 0f;
    }

    /// <summary>
    /// The first chunk of a split sum starts as <typeparamref name="T"/> does, later ones continue from the partial
    /// sum parked in C; the last chunk finishes as <typeparamref name="T"/> does, earlier ones park the partial sum.
    /// </summary>
    public readonly struct Chunk<T>(T inner, bool first, bool last) : IGemmEpilogue where T : struct, IGemmEpilogue
    {
        private readonly T _inner = inner;
        private readonly bool _first = first, _last = last;
        public static bool CanSplitSum => true;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public Vector256<float> Start(ref float c, int row, int col) =>
            _first ? _inner.Start(ref c, row, col) : Vector256.LoadUnsafe(ref c);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public float StartScalar(ref float c, int row, int col) =>
            _first ? _inner.StartScalar(ref c, row, col) : c;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Finish(ref float c, Vector256<float> sum, int row, int col)
        {
            if (_last) _inner.Finish(ref c, sum, row, col);
            else sum.StoreUnsafe(ref c);
        }
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void FinishScalar(ref float c, float sum, int row, int col)
        {
            if (_last) _inner.FinishScalar(ref c, sum, row, col);
            else c = sum;
        }
    }

    /// <summary>C = C − η·Σ as one fused multiply-add: a plain SGD step on parameters C with gradient Σ.</summary>
    public readonly struct Descend(float rate) : IGemmEpilogue
    {
        public static bool CanSplitSum => false;
        private readonly float _negativeRate = -rate;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public Vector256<float> Start(ref float c, int row, int col) => Vector256<float>.Zero;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public float StartScalar(ref float c, int row, int col) => 0f;
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public void Finish(ref float c, Vector256<float> sum, int row, int col) =>
            Vector256.FusedMultiplyAdd(Vector256.Create(_negativeRate), sum, Vector256.LoadUnsafe(ref c)).StoreUnsafe(ref c);
        [MethodImpl(MethodImplOptions.AggressiveInlining)] public void FinishScalar(ref float c, float sum, int row, int col) =>
            c = MathF.FusedMultiplyAdd(_negativeRate, sum, c);
    }
}
