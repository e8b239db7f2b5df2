using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GdNotebooks.Problems.Data;

namespace GdNotebooks.Numerics;

/// <summary>
/// Exact Hessian-vector products of a ReLU <see cref="Mlp"/> classifier's mean training loss at a fixed point, in float32
/// over the whole training set at once: Pearlmutter's R-operator (see <see cref="Mlp"/>) with every per-example
/// product batched into <see cref="Gemm"/> calls over all n examples.
/// <para>
/// What does not depend on v is computed once in the constructor: the activations Aˡ, the softmax probabilities P and
/// the back-propagated δˡ. A product then needs, per layer, R{Zˡ} = Aˡ⁻¹Vˡᵀ + cˡ + R{Aˡ⁻¹}Wˡᵀ,
/// R{Aˡ} = [Aˡ &gt; 0] ⊙ R{Zˡ} (ReLU has φ″ = 0), at the output R{δᴸ} = P ⊙ (R{Zᴸ} − rowsum(P ⊙ R{Zᴸ}))/n, and back
/// R{∇Wˡ} = R{δˡ}ᵀAˡ⁻¹ + δˡᵀR{Aˡ⁻¹}, R{∇bˡ} = Σ R{δˡ}, R{δˡ⁻¹} = [Aˡ⁻¹ &gt; 0] ⊙ (δˡVˡ + R{δˡ}Wˡ).
/// Vectors are in <see cref="Mlp"/>'s parameter layout, as doubles, so it plugs into <see cref="PowerIteration"/>.
/// </para>
/// Not thread-safe (one caller at a time); products use up to the given number of threads, with the same bits for any number.
/// </summary>
public sealed class Float32MlpHessian
{
    private readonly Float32Mlp _net;
    private readonly Mlp _problem;
    private readonly Float32Examples _data;
    private readonly int[] _sizes, _padded;
    private readonly int _n;
    private readonly int _threads;
    private readonly float[][] _act;      // Aˡ for ℓ = 0 … L−1 (A⁰ = X), n × padded[ℓ]
    private readonly float[][] _delta;    // δ of weight layer ℓ (∂/∂Zˡ⁺¹), n × padded[ℓ+1]
    private readonly float[][] _rOut;     // R{Aˡ⁺¹} (hidden) or R{Zᴸ} (last), n × padded[ℓ+1]
    private readonly float[][] _rDelta;   // R{δ} of weight layer ℓ
    private readonly float[][] _vt, _v, _c, _rdwt, _rdb;
    private float[] _probabilities = [];   // softmax of the logits, n × padded[L]

    /// <summary>The Hessian of <paramref name="problem"/>'s training loss at <paramref name="parameters"/>.</summary>
    /// <param name="problem">A classification MLP (see <see cref="Float32Mlp.Supports"/>).</param>
    /// <param name="parameters">The point, in the problem's flat float64 layout.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the products (rows of each matrix product split in blocks).
    /// Default 1: on digits a product takes about 1 ms and ten fork-joins per product cost more than they gain on a busy
    /// 2-core machine (measured 0.85–1.1 ms on one thread, 1.0–1.8 ms on two). Results are bit-identical for any value.</param>
    public Float32MlpHessian(Mlp problem, ReadOnlySpan<double> parameters, int maxDegreeOfParallelism = 1)
    {
        _threads = maxDegreeOfParallelism;
        ArgumentOutOfRangeException.ThrowIfLessThan(_threads, 1);
        _problem = problem;
        _data = new Float32Examples(problem.Train);
        _n = _data.Rows;
        _net = new Float32Mlp(problem, parameters, 1);
        _sizes = [.. _net.Sizes];
        int layers = _net.Layers;
        _padded = Enumerable.Range(0, layers + 1).Select(_net.Padded).ToArray();
        _act = new float[layers][];
        _act[0] = _data.X;
        for (int l = 1; l < layers; l++) _act[l] = new float[_n * _padded[l]];
        _delta = Enumerable.Range(0, layers).Select(l => new float[_n * _padded[l + 1]]).ToArray();
        _rOut = Enumerable.Range(0, layers).Select(l => new float[_n * _padded[l + 1]]).ToArray();
        _rDelta = Enumerable.Range(0, layers).Select(l => new float[_n * _padded[l + 1]]).ToArray();
        _vt = Enumerable.Range(0, layers).Select(l => new float[_padded[l] * _padded[l + 1]]).ToArray();
        _v = Enumerable.Range(0, layers).Select(l => l == 0 ? [] : new float[_sizes[l + 1] * _padded[l]]).ToArray();
        _c = Enumerable.Range(0, layers).Select(l => new float[_padded[l + 1]]).ToArray();
        _rdwt = Enumerable.Range(0, layers).Select(l => new float[_sizes[l] * _padded[l + 1]]).ToArray();
        _rdb = Enumerable.Range(0, layers).Select(l => new float[_padded[l + 1]]).ToArray();
        CacheForward();
    }

    public int Dimension => _problem.Dimension;

    /// <summary>Mean training loss at the point (float32 forward pass), a by-product of the cached forward pass.</summary>
    public double Loss { get; private set; }

    /// <summary>
    /// Floating-point operations of one product (2·m·n·k per matrix product, element-wise work not counted):
    /// the first layer needs two n×in×out products, every later layer six.
    /// </summary>
    public long MultiplyFlops => Enumerable.Range(0, _net.Layers).Sum(l => Gemm.Flops(_n, _sizes[l], _sizes[l + 1]) * (l == 0 ? 2 : 6));

    /// <summary>result = H v, both in <see cref="Mlp"/>'s parameter layout.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Multiply(ReadOnlySpan<double> v, Span<double> result)
    {
        if (v.Length != Dimension || result.Length != Dimension) throw new ArgumentException($"vectors must have {Dimension} entries");
        LoadDirection(v);
        int layers = _net.Layers;
        // Forward: R{Zˡ⁺¹} = Aˡ Vᵀ + c (+ R{Aˡ} Wᵀ), gated to R{Aˡ⁺¹} on hidden layers.
        for (int l = 0; l < layers; l++)
        {
            int pin = _padded[l], pout = _padded[l + 1];
            var output = _rOut[l];
            Gemm.RunParallel(_threads, _n, pout, _sizes[l], _act[l], pin, 1, _vt[l], pout, output, pout, new GemmEpilogues.Bias(_c[l]));
            if (l > 0)
            {
                var weights = _net.TransposedWeights(l);
                if (l < layers - 1)
                    Gemm.RunParallel(_threads, _n, pout, _sizes[l], _rOut[l - 1], pin, 1, weights, pout, output, pout,
                        new GemmEpilogues.ReluGate(_act[l + 1], pout, accumulate: true));
                else
                    Gemm.RunParallel(_threads, _n, pout, _sizes[l], _rOut[l - 1], pin, 1, weights, pout, output, pout, new GemmEpilogues.Accumulate());
            }
            else if (layers > 1) Gate(_rOut[0], _act[1]);
        }
        SoftmaxHessianTimes();
        // Backward.
        for (int l = layers - 1; l >= 0; l--)
        {
            int pin = _padded[l], pout = _padded[l + 1];
            var rdwt = _rdwt[l];
            Gemm.RunParallel(_threads, _sizes[l], pout, _n, _act[l], 1, pin, _rDelta[l], pout, rdwt, pout, new GemmEpilogues.Store());
            ColumnSums(_rDelta[l], pout, _rdb[l]);
            if (l == 0) break;
            Gemm.RunParallel(_threads, _sizes[l], pout, _n, _rOut[l - 1], 1, pin, _delta[l], pout, rdwt, pout, new GemmEpilogues.Accumulate());
            var previous = _rDelta[l - 1];
            Gemm.RunParallel(_threads, _n, pin, _sizes[l + 1], _delta[l], pout, 1, _v[l], pin, previous, pin, new GemmEpilogues.Store());
            Gemm.RunParallel(_threads, _n, pin, _sizes[l + 1], _rDelta[l], pout, 1, _net.Weights(l), pin, previous, pin,
                new GemmEpilogues.ReluGate(_act[l], pin, accumulate: true));
        }
        int offset = 0;
        for (int l = 0; l < layers; l++)
        {
            int fanIn = _sizes[l], fanOut = _sizes[l + 1], pout = _padded[l + 1];
            for (int o = 0; o < fanOut; o++)
                for (int i = 0; i < fanIn; i++) result[offset + o * fanIn + i] = _rdwt[l][i * pout + o];
            offset += fanIn * fanOut;
            for (int o = 0; o < fanOut; o++) result[offset + o] = _rdb[l][o];
            offset += fanOut;
        }
    }

    private void CacheForward()
    {
        int layers = _net.Layers;
        var logits = new float[_n * _padded[layers]];
        for (int l = 0; l < layers; l++)
        {
            int pin = _padded[l], pout = _padded[l + 1];
            if (l < layers - 1)
                Gemm.RunParallel(_threads, _n, pout, _sizes[l], _act[l], pin, 1, _net.TransposedWeights(l), pout, _act[l + 1], pout,
                    new GemmEpilogues.BiasRelu(_net.Bias(l)));
            else
                Gemm.RunParallel(_threads, _n, pout, _sizes[l], _act[l], pin, 1, _net.TransposedWeights(l), pout, logits, pout,
                    new GemmEpilogues.Bias(_net.Bias(l)));
        }
        // The softmax probabilities P, δᴸ = (P − Y)/n and the loss.
        int width = _padded[layers], classes = _sizes[layers];
        var probabilities = _probabilities = new float[_n * width];
        double total = 0;
        for (int r = 0; r < _n; r++)
        {
            var z = logits.AsSpan(r * width, classes);
            float max = float.NegativeInfinity;
            foreach (var value in z) max = MathF.Max(max, value);
            float sum = 0;
            for (int k = 0; k < classes; k++) sum += probabilities[r * width + k] = MathF.Exp(z[k] - max);
            for (int k = 0; k < classes; k++) probabilities[r * width + k] /= sum;
            int label = _data.Labels[r];
            total += MathF.Log(sum) - (z[label] - max);
            for (int k = 0; k < classes; k++) _delta[layers - 1][r * width + k] = (probabilities[r * width + k] - (k == label ? 1 : 0)) / _n;
        }
        Loss = total / _n;
        for (int l = layers - 1; l >= 1; l--)
        {
            int pin = _padded[l], pout = _padded[l + 1];
            Gemm.RunParallel(_threads, _n, pin, _sizes[l + 1], _delta[l], pout, 1, _net.Weights(l), pin, _delta[l - 1], pin,
                new GemmEpilogues.ReluGate(_act[l], pin, accumulate: false));
        }
    }

    /// <summary>R{δᴸ} = P ⊙ (R{Zᴸ} − rowsum(P ⊙ R{Zᴸ})) / n, row by row over the real classes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SoftmaxHessianTimes()
    {
        int layers = _net.Layers, width = _padded[layers], classes = _sizes[layers];
        var rz = _rOut[layers - 1];
        var result = _rDelta[layers - 1];
        float inverse = 1f / _n;
        for (int r = 0; r < _n; r++)
        {
            int row = r * width;
            float pu = 0;
            for (int k = 0; k < classes; k++) pu = MathF.FusedMultiplyAdd(_probabilities[row + k], rz[row + k], pu);
            for (int k = 0; k < classes; k++) result[row + k] = _probabilities[row + k] * (rz[row + k] - pu) * inverse;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LoadDirection(ReadOnlySpan<double> v)
    {
        for (int l = 0; l < _net.Layers; l++)
        {
            int fanIn = _sizes[l], fanOut = _sizes[l + 1], pin = _padded[l], pout = _padded[l + 1];
            var weights = v.Slice(_problem.Blocks[2 * l].Offset, fanIn * fanOut);
            var bias = v.Slice(_problem.Blocks[2 * l + 1].Offset, fanOut);
            for (int o = 0; o < fanOut; o++)
            {
                for (int i = 0; i < fanIn; i++)
                {
                    float value = (float)weights[o * fanIn + i];
                    _vt[l][i * pout + o] = value;
                    if (l > 0) _v[l][o * pin + i] = value;
                }
                _c[l][o] = (float)bias[o];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gate(float[] values, float[] gate)
    {
        ref float x = ref Ref(values);
        ref float g = ref Ref(gate);
        for (int i = 0; i + 8 <= values.Length; i += 8)
            (Vector256.LoadUnsafe(ref x, (nuint)i) & Vector256.GreaterThan(Vector256.LoadUnsafe(ref g, (nuint)i), Vector256<float>.Zero))
                .StoreUnsafe(ref x, (nuint)i);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ColumnSums(float[] matrix, int width, float[] sums)
    {
        ref float m = ref Ref(matrix);
        for (int o = 0; o < width; o += 8)
        {
            var sum = Vector256<float>.Zero;
            for (int r = 0; r < _n; r++) sum += Vector256.LoadUnsafe(ref m, (nuint)(r * width + o));
            sum.StoreUnsafe(ref Ref(sums), (nuint)o);
        }
    }

    private static ref float Ref(float[] array) => ref MemoryMarshal.GetArrayDataReference(array);
}
