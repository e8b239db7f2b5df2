using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GdNotebooks.Problems.Data;

namespace GdNotebooks.Numerics;

/// <summary>
/// Exact Hessian-vector products of a ReLU <see cref="Mlp"/> classifier's mean training loss at a fixed point, in float32
/// over the whole training set: Pearlmutter's R-operator (see <see cref="Mlp"/>) with the per-example products batched
/// into <see cref="Gemm"/> calls over blocks of <see cref="BlockRows"/> examples (below).
/// <para>
/// What does not depend on v is computed once in the constructor: the activations Aˡ, the softmax probabilities P and
/// the back-propagated δˡ. A product then needs, per layer, R{Zˡ} = Aˡ⁻¹Vˡᵀ + cˡ + R{Aˡ⁻¹}Wˡᵀ,
/// R{Aˡ} = [Aˡ &gt; 0] ⊙ R{Zˡ} (ReLU has φ″ = 0), at the output R{δᴸ} = P ⊙ (R{Zᴸ} − rowsum(P ⊙ R{Zᴸ}))/n, and back
/// R{∇Wˡ} = R{δˡ}ᵀAˡ⁻¹ + δˡᵀR{Aˡ⁻¹}, R{∇bˡ} = Σ R{δˡ}, R{δˡ⁻¹} = [Aˡ⁻¹ &gt; 0] ⊙ (δˡVˡ + R{δˡ}Wˡ).
/// Vectors are in <see cref="Mlp"/>'s parameter layout, as doubles, so it plugs into <see cref="PowerIteration"/>.
/// </para>
/// <para>
/// Every step but the sums over examples is row by row, so a product runs in fixed blocks of <see cref="BlockRows"/>
/// examples, each block the whole forward and backward pass on its rows (one fork-join per product, not one per matrix
/// product), and the blocks' partial R{∇W}, R{∇b} are added in block order. The blocks do not depend on the number of
/// threads, so neither do the bits.
/// </para>
/// Not thread-safe (one caller at a time).
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
    private readonly Float32Mlp _direction;  // v, in the network's own padded layout (Vᵀ, V, c per layer)
    private readonly float[][][] _blockDwt, _blockDb;   // each block's partial R{∇Wˡ}, R{∇bˡ}; block 0's ends as the sum
    private readonly int _blocks;
    private float[] _probabilities = [];   // softmax of the logits, n × padded[L]

    /// <summary>The Hessian of <paramref name="problem"/>'s training loss at <paramref name="parameters"/>.</summary>
    /// <param name="problem">A classification MLP (see <see cref="Float32Mlp.Supports"/>).</param>
    /// <param name="parameters">The point, in the problem's flat float64 layout.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the products, one block of examples per thread at a time, and for
    /// the constructor's cached forward pass (rows of each matrix product split). Results are bit-identical for any value.</param>
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
        _direction = new Float32Mlp(problem, parameters, 1);
        _blocks = (_n + BlockRows - 1) / BlockRows;
        _blockDwt = Enumerable.Range(0, _blocks).Select(_ => Enumerable.Range(0, layers).Select(l => new float[_sizes[l] * _padded[l + 1]]).ToArray()).ToArray();
        _blockDb = Enumerable.Range(0, _blocks).Select(_ => Enumerable.Range(0, layers).Select(l => new float[_padded[l + 1]]).ToArray()).ToArray();
        CacheForward();
    }

    /// <summary>
    /// Examples per block of a product (a multiple of the 6-row GEMM tile): small enough that two threads share a
    /// product's 8 blocks on digits, large enough that a block's ∇W products are not dominated by their tiles' set-up.
    /// </summary>
    private const int BlockRows = 192;

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
        _direction.SetParameters(_problem, v);
        if (_threads == 1 || _blocks == 1)
        {
            for (int block = 0; block < _blocks; block++) MultiplyBlock(block);
        }
        else Parallel.For(0, _blocks, new ParallelOptions { MaxDegreeOfParallelism = _threads }, MultiplyBlock);
        SumBlocks();
        _net.Flatten(_blockDwt[0], _blockDb[0], result);
    }

    /// <summary>The product's forward and backward pass on one block of examples; R{∇W}, R{∇b} go to the block's partials.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MultiplyBlock(int block)
    {
        int first = block * BlockRows, end = Math.Min(_n, first + BlockRows), rows = end - first;
        int layers = _net.Layers;
        // Forward: R{Zˡ⁺¹} = Aˡ Vᵀ + c (+ R{Aˡ} Wᵀ), gated to R{Aˡ⁺¹} on hidden layers.
        for (int l = 0; l < layers; l++)
        {
            int pin = _padded[l], pout = _padded[l + 1];
            var output = _rOut[l];
            Rows(first, end, pout, _sizes[l], _act[l], pin, _direction.TransposedWeights(l), pout, output, pout, new GemmEpilogues.Bias(_direction.Bias(l)));
            if (l > 0)
            {
                var weights = _net.TransposedWeights(l);
                if (l < layers - 1)
                    Rows(first, end, pout, _sizes[l], _rOut[l - 1], pin, weights, pout, output, pout, new GemmEpilogues.ReluGate(_act[l + 1], pout, accumulate: true));
                else
                    Rows(first, end, pout, _sizes[l], _rOut[l - 1], pin, weights, pout, output, pout, new GemmEpilogues.Accumulate());
            }
            else if (layers > 1) Gate(_rOut[0], _act[1], first * pout, end * pout);
        }
        SoftmaxHessianTimes(first, end);
        // Backward; the sums over this block's examples are ∇W products with the block as their inner dimension.
        for (int l = layers - 1; l >= 0; l--)
        {
            int pin = _padded[l], pout = _padded[l + 1];
            var rdwt = _blockDwt[block][l];
            Gemm.Run(_sizes[l], pout, rows, ref At(_act[l], first * pin), 1, pin, ref At(_rDelta[l], first * pout), pout, ref At(rdwt, 0), pout,
                new GemmEpilogues.Store());
            ColumnSums(_rDelta[l], pout, first, end, _blockDb[block][l]);
            if (l == 0) break;
            Gemm.Run(_sizes[l], pout, rows, ref At(_rOut[l - 1], first * pin), 1, pin, ref At(_delta[l], first * pout), pout, ref At(rdwt, 0), pout,
                new GemmEpilogues.Accumulate());
            var previous = _rDelta[l - 1];
            Rows(first, end, pin, _sizes[l + 1], _delta[l], pout, _direction.Weights(l), pin, previous, pin, new GemmEpilogues.Store());
            Rows(first, end, pin, _sizes[l + 1], _rDelta[l], pout, _net.Weights(l), pin, previous, pin, new GemmEpilogues.ReluGate(_act[l], pin, accumulate: true));
        }
    }

    /// <summary>R{∇W}, R{∇b} = the blocks' partials added in block order, into block 0's (rewritten by every product).</summary>
    private void SumBlocks()
    {
        for (int l = 0; l < _net.Layers; l++)
            for (int block = 1; block < _blocks; block++)
            {
                Add(_blockDwt[block][l], _blockDwt[0][l]);
                Add(_blockDb[block][l], _blockDb[0][l]);
            }
    }

    private static void Add(float[] source, float[] target)
    {
        for (int i = 0; i < target.Length; i++) target[i] += source[i];
    }

    /// <summary>Rows [first, end) of C = epilogue(A·B), A row-major with row stride lda.</summary>
    private static void Rows<TEpilogue>(int first, int end, int n, int k, float[] a, int lda, float[] b, int ldb, float[] c, int ldc, TEpilogue epilogue)
        where TEpilogue : struct, IGemmEpilogue =>
        Gemm.RunRows(first, end, n, k, ref Ref(a), lda, 1, ref Ref(b), ldb, ref Ref(c), ldc, epilogue);

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

    /// <summary>R{δᴸ} = P ⊙ (R{Zᴸ} − rowsum(P ⊙ R{Zᴸ})) / n, row by row over the real classes, on rows [first, end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SoftmaxHessianTimes(int first, int end)
    {
        int layers = _net.Layers, width = _padded[layers], classes = _sizes[layers];
        var rz = _rOut[layers - 1];
        var result = _rDelta[layers - 1];
        float inverse = 1f / _n;
        for (int r = first; r < end; r++)
        {
            int row = r * width;
            float pu = 0;
            for (int k = 0; k < classes; k++) pu = MathF.FusedMultiplyAdd(_probabilities[row + k], rz[row + k], pu);
            for (int k = 0; k < classes; k++) result[row + k] = _probabilities[row + k] * (rz[row + k] - pu) * inverse;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gate(float[] values, float[] gate, int start, int end)
    {
        ref float x = ref Ref(values);
        ref float g = ref Ref(gate);
        for (int i = start; i + 8 <= end; i += 8)
            (Vector256.LoadUnsafe(ref x, (nuint)i) & Vector256.GreaterThan(Vector256.LoadUnsafe(ref g, (nuint)i), Vector256<float>.Zero))
                .StoreUnsafe(ref x, (nuint)i);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ColumnSums(float[] matrix, int width, int first, int end, float[] sums)
    {
        ref float m = ref Ref(matrix);
        for (int o = 0; o < width; o += 8)
        {
            var sum = Vector256<float>.Zero;
            for (int r = first; r < end; r++) sum += Vector256.LoadUnsafe(ref m, (nuint)(r * width + o));
            sum.StoreUnsafe(ref Ref(sums), (nuint)o);
        }
    }

    private static ref float Ref(float[] array) => ref MemoryMarshal.GetArrayDataReference(array);

    private static ref float At(float[] array, int index) => ref Unsafe.Add(ref Ref(array), index);
}
