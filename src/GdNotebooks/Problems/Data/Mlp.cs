using GdNotebooks.Data;
using GdNotebooks.Numerics;
using GdNotebooks.Specs;

namespace GdNotebooks.Problems.Data;

/// <summary>
/// A fully connected network. With a⁰ = x, layers ℓ = 1 … L compute zˡ = Wˡ aˡ⁻¹ + bˡ and, for hidden layers,
/// aˡ = φ(zˡ); the output z^L is K logits under softmax cross-entropy (classification) or one value under squared
/// error (regression, loss (1/n) Σ (z^L − y)²). Gradients by backpropagation: δ^L = ∂ℓ/∂z^L,
/// ∇Wˡ = δˡ (aˡ⁻¹)ᵀ, ∇bˡ = δˡ, δˡ⁻¹ = φ′(zˡ⁻¹) ⊙ (Wˡ)ᵀ δˡ.
/// <para>
/// Exact Hessian-vector products by Pearlmutter's R-operator (Pearlmutter 1994, "Fast exact multiplication by the
/// Hessian"), R{·} the directional derivative along v = (Vˡ, cˡ): forward R{zˡ} = Vˡ aˡ⁻¹ + Wˡ R{aˡ⁻¹} + cˡ,
/// R{aˡ} = φ′(zˡ) ⊙ R{zˡ}, R{a⁰} = 0; at the output R{δ^L} = ∇²ℓ(z^L) R{z^L}; backward
/// R{∇Wˡ} = R{δˡ}(aˡ⁻¹)ᵀ + δˡ R{aˡ⁻¹}ᵀ, R{∇bˡ} = R{δˡ},
/// R{δˡ⁻¹} = φ″(zˡ⁻¹) ⊙ R{zˡ⁻¹} ⊙ (Wˡ)ᵀδˡ + φ′(zˡ⁻¹) ⊙ ((Vˡ)ᵀδˡ + (Wˡ)ᵀR{δˡ}).
/// </para>
/// Blocks <c>W1</c>, <c>b1</c>, <c>W2</c>, <c>b2</c>, … (Wˡ has one row per output unit). Penalties act on the W blocks only.
/// Spec: <c>mlp:data=digits,hidden=[64],act=relu,init=he</c>, plus l2, l1, test, seed, standardize.
/// Computation is example by example in float64, with scratch buffers allocated once: not thread-safe.
/// </summary>
public sealed class Mlp : DataProblem
{
    /// <summary>
    /// The most parameters a network may have. Every parameter gets a name, a slot in several optimizer and scratch
    /// vectors and a per-example multiply-add, so beyond this a spec like <c>hidden=[100000,100000]</c> would exhaust
    /// memory (or overflow the int offsets) long before it trained: it is refused with a message instead.
    /// </summary>
    public const long MaxParameters = 4_000_000;

    /// <summary>Weights and biases of a network with these layer widths, counted without overflow.</summary>
    public static long ParameterCount(int inputs, IReadOnlyList<int> hidden, int outputs)
    {
        long count = 0, previous = inputs;
        foreach (long width in hidden.Append(outputs))
        {
            count += (previous + 1) * width;
            previous = width;
        }
        return count;
    }

    /// <summary>Valid values of <c>init=</c>, in the order of <see cref="WeightInit"/>.</summary>
    public static IReadOnlyList<string> InitNames { get; } = ["xavier", "he", "normal"];

    private readonly int[] _sizes;            // units per layer: inputs, hidden…, outputs
    private readonly int[] _weightOffsets;    // offset of Wˡ, indexed by ℓ − 1
    private readonly int[] _biasOffsets;
    private readonly bool _classification;
    private readonly double[][] _z, _a, _first, _second, _delta, _rz, _ra, _rdelta;   // indexed by layer 0 … L
    private readonly double[] _back, _rback, _probabilities;

    public Mlp(DataSet data, IReadOnlyList<int> hidden, Activation activation = Activation.Relu, WeightInit init = WeightInit.He,
        DataProblemOptions? options = null) : base(data, options)
    {
        if (hidden.Any(h => h < 1)) throw new UsageException($"hidden=[{string.Join(",", hidden)}] for problem mlp must be whole numbers ≥ 1");
        long count = ParameterCount(data.Columns, hidden, data.IsClassification ? data.ClassCount : 1);
        if (count > MaxParameters)
            throw new UsageException($"hidden=[{string.Join(",", hidden)}] for problem mlp on {data.Name} makes {count:N0} parameters; " +
                                     $"valid: at most {MaxParameters:N0} (e.g. hidden=[64] makes {ParameterCount(data.Columns, [64], data.IsClassification ? data.ClassCount : 1):N0})");
        Hidden = hidden.ToArray();
        Activation = activation;
        Init = init;
        _classification = data.IsClassification;
        _sizes = [data.Columns, .. hidden, _classification ? data.ClassCount : 1];
        int layers = _sizes.Length - 1;

        var blocks = new List<ParameterBlock>();
        var weights = new List<ParameterBlock>();
        _weightOffsets = new int[layers];
        _biasOffsets = new int[layers];
        int offset = 0;
        for (int l = 0; l < layers; l++)
        {
            var w = new ParameterBlock($"W{l + 1}", offset, _sizes[l + 1], _sizes[l]);
            _weightOffsets[l] = offset;
            offset += w.Length;
            var b = new ParameterBlock($"b{l + 1}", offset, _sizes[l + 1], 1);
            _biasOffsets[l] = offset;
            offset += b.Length;
            blocks.Add(w);
            blocks.Add(b);
            weights.Add(w);
        }
        DefineParameters(blocks, weights);

        double[][] PerLayer() => _sizes.Select(n => new double[n]).ToArray();
        (_z, _a, _first, _second, _delta, _rz, _ra, _rdelta) =
            (PerLayer(), PerLayer(), PerLayer(), PerLayer(), PerLayer(), PerLayer(), PerLayer(), PerLayer());
        int widest = _sizes.Max();
        _back = new double[widest];
        _rback = new double[widest];
        _probabilities = new double[_sizes[^1]];

        Name = $"mlp:data={data.Name},hidden=[{string.Join(",", Hidden)}],act={ActivationFunctions.Name(activation)}," +
               $"init={InitNames[(int)init]}{Options.SpecSuffix()}";
    }

    public static Mlp FromSpec(Spec spec)
    {
        var args = spec.Read("problem mlp");
        var data = args.Identifier("data", "digits");
        var hidden = args.Ints("hidden", [64], min: 1)!;
        var activation = args.Choice("act", "relu", [.. ActivationFunctions.Names]);
        var init = args.Choice("init", "he", [.. InitNames]);
        var options = DataProblemOptions.Read(args);
        args.Done();
        return new Mlp(DataSet.Load(data), hidden, ActivationFunctions.Parse(activation),
            (WeightInit)InitNames.ToList().IndexOf(init), options);
    }

    public override string Name { get; }
    public IReadOnlyList<int> Hidden { get; }
    public Activation Activation { get; }
    public WeightInit Init { get; }

    /// <summary>
    /// Weights drawn layer by layer, row-major, from <see cref="Xoshiro256StarStar"/>(seed) normals scaled by
    /// <see cref="WeightInit"/>'s σ; biases 0. The same seed gives the same point on every machine up to the last
    /// bit of the platform's log/sin/cos.
    /// </summary>
    public override double[] InitialPoint(int seed)
    {
        var w = new double[Dimension];
        var random = new Xoshiro256StarStar(seed);
        for (int l = 0; l < _sizes.Length - 1; l++)
        {
            int fanIn = _sizes[l], fanOut = _sizes[l + 1];
            double sigma = Init switch
            {
                WeightInit.Xavier => Math.Sqrt(2.0 / (fanIn + fanOut)),
                WeightInit.He => Math.Sqrt(2.0 / fanIn),
                _ => 0.01,
            };
            for (int i = 0; i < fanIn * fanOut; i++) w[_weightOffsets[l] + i] = sigma * random.NextGaussian();
        }
        return w;
    }

    protected override double DataLoss(ReadOnlySpan<double> w, DataSet data, ReadOnlySpan<int> rows, Span<double> gradient)
    {
        bool wantGradient = !gradient.IsEmpty;
        if (wantGradient) gradient.Clear();
        double loss = 0;
        foreach (int row in rows)
        {
            Forward(w, data.Row(row), wantGradient);
            loss += OutputLoss(data.Y[row]);
            if (wantGradient) Backward(w, gradient);
        }
        double scale = 1.0 / rows.Length;
        if (wantGradient) for (int i = 0; i < gradient.Length; i++) gradient[i] *= scale;
        return loss * scale;
    }

    protected override void DataHessianVectorProduct(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> result)
    {
        result.Clear();
        int last = _sizes.Length - 1;
        for (int row = 0; row < Train.Rows; row++)
        {
            Forward(w, Train.Row(row), derivatives: true);
            ForwardR(w, v);
            OutputLoss(Train.Y[row]);
            if (_classification) SoftmaxCrossEntropy.HessianTimes(_probabilities, _rz[last], _rdelta[last]);
            else _rdelta[last][0] = 2 * _rz[last][0];
            BackwardR(w, v, result);
        }
        double scale = 1.0 / Train.Rows;
        for (int i = 0; i < result.Length; i++) result[i] *= scale;
    }

    protected override int Predict(ReadOnlySpan<double> w, DataSet data, int row)
    {
        Forward(w, data.Row(row), derivatives: false);
        var logits = _z[^1];
        int best = 0;
        for (int k = 1; k < logits.Length; k++) if (logits[k] > logits[best]) best = k;
        return best;
    }

    /// <summary>Fills zˡ and aˡ (and φ′, φ″ of hidden layers when asked) for one example.</summary>
    private void Forward(ReadOnlySpan<double> w, ReadOnlySpan<double> x, bool derivatives)
    {
        x.CopyTo(_a[0]);
        int last = _sizes.Length - 1;
        for (int l = 1; l <= last; l++)
        {
            Affine(w, l, _a[l - 1], _z[l]);
            if (l == last) _z[l].CopyTo(_a[l].AsSpan());
            else if (derivatives) ActivationFunctions.ApplyWithDerivatives(Activation, _z[l], _a[l], _first[l], _second[l]);
            else ActivationFunctions.Apply(Activation, _z[l], _a[l]);
        }
    }

    /// <summary>The example's loss from the output zᴸ; also sets δᴸ = ∂ℓ/∂zᴸ (and the softmax probabilities).</summary>
    private double OutputLoss(double target)
    {
        int last = _sizes.Length - 1;
        var output = _z[last];
        var delta = _delta[last];
        if (!_classification)
        {
            double residual = output[0] - target;
            delta[0] = 2 * residual;
            return residual * residual;
        }
        int label = (int)target;
        double loss = SoftmaxCrossEntropy.LossAndProbabilities(output, label, _probabilities);
        for (int k = 0; k < delta.Length; k++) delta[k] = _probabilities[k] - (k == label ? 1 : 0);
        return loss;
    }

    /// <summary>Accumulates this example's ∇W and ∇b into <paramref name="gradient"/>, walking δ back through the layers.</summary>
    private void Backward(ReadOnlySpan<double> w, Span<double> gradient)
    {
        for (int l = _sizes.Length - 1; l >= 1; l--)
        {
            var delta = _delta[l];
            var input = _a[l - 1];
            int fanIn = _sizes[l - 1];
            for (int i = 0; i < delta.Length; i++)
            {
                var gradientRow = gradient.Slice(_weightOffsets[l - 1] + i * fanIn, fanIn);
                for (int j = 0; j < fanIn; j++) gradientRow[j] += delta[i] * input[j];
                gradient[_biasOffsets[l - 1] + i] += delta[i];
            }
            if (l == 1) break;
            var back = _back.AsSpan(0, fanIn);
            TransposeTimes(w, l, delta, back);
            for (int j = 0; j < fanIn; j++) _delta[l - 1][j] = _first[l - 1][j] * back[j];
        }
    }

    /// <summary>R{zˡ} = Vˡ aˡ⁻¹ + Wˡ R{aˡ⁻¹} + cˡ and R{aˡ} = φ′(zˡ) ⊙ R{zˡ}, with R{a⁰} = 0.</summary>
    private void ForwardR(ReadOnlySpan<double> w, ReadOnlySpan<double> v)
    {
        Array.Clear(_ra[0]);
        int last = _sizes.Length - 1;
        for (int l = 1; l <= last; l++)
        {
            var rz = _rz[l];
            Affine(v, l, _a[l - 1], rz);
            if (l > 1)
            {
                int fanIn = _sizes[l - 1], weightOffset = _weightOffsets[l - 1];
                var ra = _ra[l - 1];
                for (int i = 0; i < rz.Length; i++)
                {
                    var weightRow = w.Slice(weightOffset + i * fanIn, fanIn);
                    double sum = 0;
                    for (int j = 0; j < fanIn; j++) sum += weightRow[j] * ra[j];
                    rz[i] += sum;
                }
            }
            if (l < last)
                for (int i = 0; i < rz.Length; i++) _ra[l][i] = _first[l][i] * rz[i];
        }
    }

    /// <summary>Accumulates R{∇Wˡ} and R{∇bˡ} into <paramref name="result"/>, walking δ and R{δ} back together.</summary>
    private void BackwardR(ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> result)
    {
        for (int l = _sizes.Length - 1; l >= 1; l--)
        {
            var delta = _delta[l];
            var rdelta = _rdelta[l];
            var input = _a[l - 1];
            var rinput = _ra[l - 1];
            int fanIn = _sizes[l - 1];
            for (int i = 0; i < delta.Length; i++)
            {
                var resultRow = result.Slice(_weightOffsets[l - 1] + i * fanIn, fanIn);
                for (int j = 0; j < fanIn; j++) resultRow[j] += rdelta[i] * input[j] + delta[i] * rinput[j];
                result[_biasOffsets[l - 1] + i] += rdelta[i];
            }
            if (l == 1) break;
            var back = _back.AsSpan(0, fanIn);     // (Wˡ)ᵀ δˡ
            var rback = _rback.AsSpan(0, fanIn);   // (Vˡ)ᵀ δˡ + (Wˡ)ᵀ R{δˡ}
            TransposeTimes(w, l, delta, back);
            TransposeTimes(v, l, delta, rback);
            AddTransposeTimes(w, l, rdelta, rback);
            var previousDelta = _delta[l - 1];
            var previousRdelta = _rdelta[l - 1];
            for (int j = 0; j < fanIn; j++)
            {
                previousDelta[j] = _first[l - 1][j] * back[j];
                previousRdelta[j] = _second[l - 1][j] * _rz[l - 1][j] * back[j] + _first[l - 1][j] * rback[j];
            }
        }
    }

    /// <summary>output = Wˡ input + bˡ, reading Wˡ and bˡ of layer <paramref name="layer"/> from a parameter-shaped vector.</summary>
    private void Affine(ReadOnlySpan<double> parameters, int layer, ReadOnlySpan<double> input, Span<double> output)
    {
        int fanIn = _sizes[layer - 1], weightOffset = _weightOffsets[layer - 1], biasOffset = _biasOffsets[layer - 1];
        for (int i = 0; i < output.Length; i++)
        {
            var weightRow = parameters.Slice(weightOffset + i * fanIn, fanIn);
            double z = parameters[biasOffset + i];
            for (int j = 0; j < fanIn; j++) z += weightRow[j] * input[j];
            output[i] = z;
        }
    }

    /// <summary>output = (Wˡ)ᵀ u, walking Wˡ row by row so memory is read in order.</summary>
    private void TransposeTimes(ReadOnlySpan<double> parameters, int layer, ReadOnlySpan<double> u, Span<double> output)
    {
        output.Clear();
        AddTransposeTimes(parameters, layer, u, output);
    }

    /// <summary>output += (Wˡ)ᵀ u.</summary>
    private void AddTransposeTimes(ReadOnlySpan<double> parameters, int layer, ReadOnlySpan<double> u, Span<double> output)
    {
        int fanIn = _sizes[layer - 1], weightOffset = _weightOffsets[layer - 1];
        for (int i = 0; i < u.Length; i++)
        {
            var weightRow = parameters.Slice(weightOffset + i * fanIn, fanIn);
            double ui = u[i];
            for (int j = 0; j < fanIn; j++) output[j] += weightRow[j] * ui;
        }
    }
}
