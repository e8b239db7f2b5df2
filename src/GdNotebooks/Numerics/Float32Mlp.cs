using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using GdNotebooks.Problems.Data;

namespace GdNotebooks.Numerics;

/// <summary>
/// A float32 copy of an <see cref="Mlp"/> classifier with ReLU hidden layers, laid out for <see cref="Gemm"/>:
/// one fused mini-batch SGD step (forward, softmax cross-entropy, backward and update) allocates nothing.
/// <para>
/// Activations are batch-major (one row per example, widths padded with zeros to multiples of 8). Layer ℓ keeps
/// Wᵀ (inputs × outputs, so the forward pass is A·Wᵀ with the output units along the vector lanes), the bias, and for
/// ℓ ≥ 2 also W itself (outputs × inputs) for the backward product δ·W. Both copies get the same fused updates
/// w ← fma(−η, g, w), so they stay exact transposes. Padding rows and columns stay exactly 0.
/// </para>
/// <para>
/// A step on batch B: Z¹ = X_B W¹ᵀ + b¹, A¹ = max(0, Z¹), …, logits Z^L; loss (1/|B|) Σ (logsumexp(z) − z_y);
/// δ^L = (softmax(Z^L) − Y)/|B|; then for ℓ = L … 1: δˡ⁻¹ = (δˡ Wˡ) ⊙ [Aˡ⁻¹ &gt; 0] (before Wˡ changes),
/// Wˡ ← Wˡ − η (δˡ)ᵀ Aˡ⁻¹, bˡ ← bˡ − η Σ_rows δˡ. The loss returned is the batch loss before the update, as
/// PyTorch's <c>loss.item()</c> in a training loop. Deterministic: no reductions depend on threads.
/// </para>
/// Not thread-safe (it owns scratch buffers): one instance per configuration or per thread.
/// </summary>
public sealed class Float32Mlp
{
    private readonly int[] _sizes;      // real units per layer: inputs, hidden…, classes
    private readonly int[] _padded;     // the same rounded up to multiples of 8
    private readonly float[][] _wt;     // layer ℓ−1: padded[ℓ−1] × padded[ℓ]
    private readonly float[][] _w;      // layer ℓ−1 for ℓ ≥ 2: sizes[ℓ] × padded[ℓ−1]; empty for the first layer
    private readonly float[][] _b;      // padded[ℓ]
    private readonly float[][] _act;    // activations of layers 0 … L−1: capacity × padded
    private readonly float[][] _delta;  // ∂loss/∂z of layers 1 … L (index ℓ−1): capacity × padded[ℓ]
    private readonly float[] _logits;
    private readonly float[] _gradient; // ∇Wᵀ of one layer ℓ ≥ 2
    private readonly int[] _allRows;

    /// <summary>
    /// The network of <paramref name="problem"/> at <paramref name="parameters"/> (in <see cref="Mlp"/>'s layout,
    /// rounded to float32), with scratch for batches of up to <paramref name="batchCapacity"/> examples.
    /// </summary>
    public Float32Mlp(Mlp problem, ReadOnlySpan<double> parameters, int batchCapacity)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (!Supports(problem, out var reason)) throw new ArgumentException(reason, nameof(problem));
        if (parameters.Length != problem.Dimension) throw new ArgumentException($"{problem.Name} has {problem.Dimension} parameters, given {parameters.Length}", nameof(parameters));
        ArgumentOutOfRangeException.ThrowIfLessThan(batchCapacity, 1);
        _sizes = [problem.Train.Columns, .. problem.Hidden, problem.Train.ClassCount];
        _padded = _sizes.Select(Float32Examples.PadTo8).ToArray();
        int layers = Layers;
        _wt = new float[layers][];
        _w = new float[layers][];
        _b = new float[layers][];
        for (int l = 0; l < layers; l++)
        {
            _wt[l] = new float[_padded[l] * _padded[l + 1]];
            _w[l] = l == 0 ? [] : new float[_sizes[l + 1] * _padded[l]];
            _b[l] = new float[_padded[l + 1]];
        }
        Capacity = batchCapacity;
        _act = Enumerable.Range(0, layers).Select(l => new float[batchCapacity * _padded[l]]).ToArray();
        _delta = Enumerable.Range(0, layers).Select(l => new float[batchCapacity * _padded[l + 1]]).ToArray();
        _logits = new float[batchCapacity * _padded[layers]];
        _gradient = new float[Enumerable.Range(1, layers - 1).Select(l => _sizes[l] * _padded[l + 1]).DefaultIfEmpty(0).Max()];
        _allRows = Enumerable.Range(0, batchCapacity).ToArray();
        SetParameters(problem, parameters);
    }

    /// <summary>Whether the fast path can train <paramref name="problem"/>: classification, ReLU, no penalties.</summary>
    public static bool Supports(Mlp problem, out string reason)
    {
        reason = !problem.Train.IsClassification ? $"{problem.Name}: the float32 path trains classifiers only"
            : problem.Activation != Activation.Relu ? $"{problem.Name}: the float32 path supports act=relu only"
            : problem.Options.L1 != 0 || problem.Options.L2 != 0 ? $"{problem.Name}: the float32 path has no l1/l2 penalties"
            : "";
        return reason.Length == 0;
    }

    /// <summary>Number of weight layers L.</summary>
    public int Layers => _sizes.Length - 1;

    /// <summary>Units per layer, inputs first, classes last.</summary>
    public IReadOnlyList<int> Sizes => _sizes;

    /// <summary>The largest batch a step accepts.</summary>
    public int Capacity { get; }

    /// <summary>Number of parameters (as in <see cref="Mlp"/>).</summary>
    public int Dimension => Enumerable.Range(0, Layers).Sum(l => (_sizes[l] + 1) * _sizes[l + 1]);

    /// <summary>
    /// Floating-point operations of one training step on <paramref name="batch"/> examples, counting the products
    /// actually needed: forward 2·B·in·out per layer, backward 2·B·in·out for ∇W of every layer and again for δ of
    /// every layer but the first (the inputs need no gradient). Element-wise work is not counted.
    /// </summary>
    public long StepFlops(int batch)
    {
        long flops = 0;
        for (int l = 0; l < Layers; l++) flops += Gemm.Flops(batch, _sizes[l + 1], _sizes[l]) * (l == 0 ? 2 : 3);
        return flops;
    }

    /// <summary>Overwrites the weights with <paramref name="parameters"/> in <see cref="Mlp"/>'s layout.</summary>
    public void SetParameters(Mlp problem, ReadOnlySpan<double> parameters)
    {
        for (int l = 0; l < Layers; l++)
        {
            int fanIn = _sizes[l], fanOut = _sizes[l + 1], pin = _padded[l], pout = _padded[l + 1];
            var weights = parameters.Slice(problem.Blocks[2 * l].Offset, fanIn * fanOut);
            var bias = parameters.Slice(problem.Blocks[2 * l + 1].Offset, fanOut);
            Array.Clear(_wt[l]);
            Array.Clear(_b[l]);
            for (int o = 0; o < fanOut; o++)
            {
                for (int i = 0; i < fanIn; i++)
                {
                    float value = (float)weights[o * fanIn + i];
                    _wt[l][i * pout + o] = value;
                    if (l > 0) _w[l][o * pin + i] = value;
                }
                _b[l][o] = (float)bias[o];
            }
        }
    }

    /// <summary>Writes the weights into <paramref name="parameters"/> in <see cref="Mlp"/>'s layout (W1, b1, W2, b2, …).</summary>
    public void GetParameters(Span<double> parameters) => Flatten(_wt, _b, parameters);

    /// <summary>
    /// Per-layer transposed weights (fanIn rows of stride padded[ℓ+1]) and biases shaped like this network's, as
    /// <see cref="TransposedWeights"/> and <see cref="Bias"/> hold them, written to <paramref name="parameters"/> in <see cref="Mlp"/>'s layout.
    /// </summary>
    internal void Flatten(float[][] transposedWeights, float[][] biases, Span<double> parameters)
    {
        int offset = 0;
        for (int l = 0; l < Layers; l++)
        {
            int fanIn = _sizes[l], fanOut = _sizes[l + 1], pout = _padded[l + 1];
            for (int o = 0; o < fanOut; o++)
                for (int i = 0; i < fanIn; i++) parameters[offset + o * fanIn + i] = transposedWeights[l][i * pout + o];
            offset += fanIn * fanOut;
            for (int o = 0; o < fanOut; o++) parameters[offset + o] = biases[l][o];
            offset += fanOut;
        }
    }

    /// <summary>
    /// One SGD step with rate <paramref name="learningRate"/> on the examples <paramref name="rows"/> of
    /// <paramref name="data"/>; returns their mean loss before the update (NaN or ∞ once the run diverges).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double TrainStep(Float32Examples data, ReadOnlySpan<int> rows, float learningRate)
    {
        int batch = CheckBatch(data, rows);
        Gather(data, rows);
        Forward(batch);
        double loss = SoftmaxCrossEntropy(batch, rows, data.Labels, wantDelta: true);
        Backward(batch, learningRate);
        return loss;
    }

    /// <summary>The mean loss over all examples of <paramref name="data"/> (forward passes in chunks of <see cref="Capacity"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Loss(Float32Examples data)
    {
        ArgumentNullException.ThrowIfNull(data);
        double total = 0;
        for (int start = 0; start < data.Rows; start += Capacity)
        {
            int count = Math.Min(Capacity, data.Rows - start);
            var rows = _allRows.AsSpan(0, count);
            for (int i = 0; i < count; i++) rows[i] = start + i;
            Gather(data, rows);
            Forward(count);
            total += SoftmaxCrossEntropy(count, rows, data.Labels, wantDelta: false) * count;
        }
        return total / data.Rows;
    }

    internal float[] TransposedWeights(int layer) => _wt[layer];
    internal float[] Weights(int layer) => _w[layer];
    internal float[] Bias(int layer) => _b[layer];
    internal int Padded(int layer) => _padded[layer];

    private int CheckBatch(Float32Examples data, ReadOnlySpan<int> rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (rows.IsEmpty || rows.Length > Capacity) throw new ArgumentException($"a batch needs 1 … {Capacity} examples, given {rows.Length}", nameof(rows));
        if (data.Stride != _padded[0] || data.ClassCount != _sizes[^1])
            throw new ArgumentException($"examples with {data.Columns} features and {data.ClassCount} classes do not fit a {string.Join("-", _sizes)} network", nameof(data));
        return rows.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Gather(Float32Examples data, ReadOnlySpan<int> rows)
    {
        int stride = _padded[0];
        ref float source = ref MemoryMarshal.GetArrayDataReference(data.X);
        ref float target = ref MemoryMarshal.GetArrayDataReference(_act[0]);
        for (int r = 0; r < rows.Length; r++)
        {
            int row = rows[r];
            if ((uint)row >= (uint)data.Rows) throw new ArgumentOutOfRangeException(nameof(rows), row, $"example index outside 0 … {data.Rows - 1}");
            ref float from = ref Unsafe.Add(ref source, (nint)row * stride);
            ref float to = ref Unsafe.Add(ref target, (nint)r * stride);
            for (int j = 0; j < stride; j += 8) Vector256.LoadUnsafe(ref from, (nuint)j).StoreUnsafe(ref to, (nuint)j);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Forward(int batch)
    {
        int layers = Layers;
        for (int l = 0; l < layers; l++)
        {
            ref float input = ref MemoryMarshal.GetArrayDataReference(_act[l]);
            ref float weights = ref MemoryMarshal.GetArrayDataReference(_wt[l]);
            int pin = _padded[l], pout = _padded[l + 1];
            if (l < layers - 1)
                Gemm.Run(batch, pout, _sizes[l], ref input, pin, 1, ref weights, pout,
                    ref MemoryMarshal.GetArrayDataReference(_act[l + 1]), pout, new GemmEpilogues.BiasRelu(_b[l]));
            else
                Gemm.Run(batch, pout, _sizes[l], ref input, pin, 1, ref weights, pout,
                    ref MemoryMarshal.GetArrayDataReference(_logits), pout, new GemmEpilogues.Bias(_b[l]));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Backward(int batch, float learningRate)
    {
        for (int l = Layers - 1; l >= 0; l--)
        {
            int pin = _padded[l], pout = _padded[l + 1];
            ref float delta = ref MemoryMarshal.GetArrayDataReference(_delta[l]);
            ref float input = ref MemoryMarshal.GetArrayDataReference(_act[l]);
            if (l > 0)
            {
                // δˡ⁻¹ = (δˡ W) ⊙ [Aˡ⁻¹ > 0], with W as it was in the forward pass.
                Gemm.Run(batch, pin, _sizes[l + 1], ref delta, pout, 1, ref MemoryMarshal.GetArrayDataReference(_w[l]), pin,
                    ref MemoryMarshal.GetArrayDataReference(_delta[l - 1]), pin, new GemmEpilogues.ReluGate(_act[l], pin, accumulate: false));
            }
            DescendBias(_b[l], ref delta, batch, pout, learningRate);
            if (l == 0)
            {
                Gemm.Run(_sizes[0], pout, batch, ref input, 1, pin, ref delta, pout,
                    ref MemoryMarshal.GetArrayDataReference(_wt[0]), pout, new GemmEpilogues.Descend(learningRate));
                continue;
            }
            // ∇Wᵀ = Aᵀ δ once, applied to both copies of the weights with the same fused update.
            int fanIn = _sizes[l], fanOut = _sizes[l + 1];
            ref float gradient = ref MemoryMarshal.GetArrayDataReference(_gradient);
            Gemm.Run(fanIn, pout, batch, ref input, 1, pin, ref delta, pout, ref gradient, pout, new GemmEpilogues.Store());
            var wt = _wt[l];
            var w = _w[l];
            float negativeRate = -learningRate;
            for (int i = 0; i < fanIn; i++)
            {
                ref float g = ref Unsafe.Add(ref gradient, i * pout);
                ref float row = ref MemoryMarshal.GetArrayDataReference(wt);
                row = ref Unsafe.Add(ref row, i * pout);
                for (int o = 0; o < pout; o += 8)
                    Vector256.FusedMultiplyAdd(Vector256.Create(negativeRate), Vector256.LoadUnsafe(ref g, (nuint)o), Vector256.LoadUnsafe(ref row, (nuint)o))
                        .StoreUnsafe(ref row, (nuint)o);
                for (int o = 0; o < fanOut; o++) w[o * pin + i] = MathF.FusedMultiplyAdd(negativeRate, Unsafe.Add(ref g, o), w[o * pin + i]);
            }
        }
    }

    /// <summary>b ← b − η Σ_rows δ, summing rows in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DescendBias(float[] bias, ref float delta, int batch, int width, float learningRate)
    {
        ref float b = ref MemoryMarshal.GetArrayDataReference(bias);
        var rate = Vector256.Create(-learningRate);
        for (int o = 0; o < width; o += 8)
        {
            var sum = Vector256<float>.Zero;
            for (int r = 0; r < batch; r++) sum += Vector256.LoadUnsafe(ref delta, (nuint)(r * width + o));
            Vector256.FusedMultiplyAdd(rate, sum, Vector256.LoadUnsafe(ref b, (nuint)o)).StoreUnsafe(ref b, (nuint)o);
        }
    }

    /// <summary>
    /// Mean softmax cross-entropy of the logits rows against their labels (logsumexp with the row maximum subtracted);
    /// with <paramref name="wantDelta"/> also δ = (softmax − onehot)/batch into the last delta buffer (padding 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double SoftmaxCrossEntropy(int batch, ReadOnlySpan<int> rows, int[] labels, bool wantDelta)
    {
        int width = _padded[^1], classes = _sizes[^1], vectors = width / 8;
        var lastMask = Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(classes - 8 * (vectors - 1))).AsSingle();
        var minusInfinity = Vector256.Create(float.NegativeInfinity);
        ref float logits = ref MemoryMarshal.GetArrayDataReference(_logits);
        ref float delta = ref MemoryMarshal.GetArrayDataReference(_delta[^1]);
        float inverseBatch = 1f / batch;
        double total = 0;
        for (int r = 0; r < batch; r++)
        {
            ref float z = ref Unsafe.Add(ref logits, r * width);
            ref float d = ref Unsafe.Add(ref delta, r * width);
            var max = minusInfinity;
            for (int v = 0; v < vectors; v++)
            {
                var x = Vector256.LoadUnsafe(ref z, (nuint)(8 * v));
                if (v == vectors - 1) x = Vector256.ConditionalSelect(lastMask, x, minusInfinity);
                max = Vector256.Max(max, x);
            }
            float m = HorizontalMax(max);
            var broadcastMax = Vector256.Create(m);
            var sum = Vector256<float>.Zero;
            for (int v = 0; v < vectors; v++)
            {
                var e = Vector256.Exp(Vector256.LoadUnsafe(ref z, (nuint)(8 * v)) - broadcastMax);
                if (v == vectors - 1) e &= lastMask;
                if (wantDelta) e.StoreUnsafe(ref d, (nuint)(8 * v));
                sum += e;
            }
            float s = Vector256.Sum(sum);
            int label = labels[rows[r]];
            total += MathF.Log(s) - (Unsafe.Add(ref z, label) - m);
            if (!wantDelta) continue;
            var scale = Vector256.Create(inverseBatch / s);
            for (int v = 0; v < vectors; v++) (Vector256.LoadUnsafe(ref d, (nuint)(8 * v)) * scale).StoreUnsafe(ref d, (nuint)(8 * v));
            Unsafe.Add(ref d, label) -= inverseBatch;
        }
        return total / batch;
    }

    private static float HorizontalMax(Vector256<float> v)
    {
        var half = Vector128.Max(v.GetLower(), v.GetUpper());
        half = Vector128.Max(half, Vector128.Shuffle(half, Vector128.Create(2, 3, 0, 1)));
        half = Vector128.Max(half, Vector128.Shuffle(half, Vector128.Create(1, 0, 3, 2)));
        return half.ToScalar();
    }
}
