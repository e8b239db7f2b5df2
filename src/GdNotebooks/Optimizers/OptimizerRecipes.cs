using GdNotebooks.Specs;

namespace GdNotebooks.Optimizers;

/// <summary>
/// The named optimizers as chains of <see cref="GradientTransform"/> links, each with the hyperparameters,
/// defaults and valid ranges of its torch.optim class (PyTorch 1.13). <see cref="Optimizer.Step"/> then applies
/// w ← w − η·u (or w ← w − u when a link folded η in, as torch does for the adaptive methods).
/// </summary>
internal static class OptimizerRecipes
{
    /// <summary>Name → builder, in the order <see cref="Optimizer.Names"/> lists them.</summary>
    public static readonly IReadOnlyList<(string Name, Func<CanonicalSpecReader, GradientTransform[]> Build)> Table =
    [
        ("sgd", Sgd),
        ("adagrad", Adagrad),
        ("rmsprop", RmsProp),
        ("adam", reader => Adam(reader, decoupledDefault: null)),
        ("adamw", reader => Adam(reader, decoupledDefault: 0.01)),
        ("newton", Newton),
    ];

    /// <summary>torch.optim.SGD: d = g + λw; momentum buffer (first step = d); w ← w − η·(b or d + μb).</summary>
    private static GradientTransform[] Sgd(CanonicalSpecReader args)
    {
        double momentum = args.Double("momentum", 0, min: 0, maxExclusive: 1);
        double dampening = args.Double("dampening", 0, min: 0, max: 1);
        bool nesterov = args.Bool("nesterov", false);
        double weightDecay = args.Double("weight_decay", 0, min: 0);
        if (nesterov && (momentum == 0 || dampening != 0))
            throw new UsageException($"nesterov=true for {args.What} needs momentum > 0 and dampening=0 (as torch.optim.SGD)");
        var links = new List<GradientTransform>();
        if (weightDecay != 0) links.Add(new AddDecayedWeights(weightDecay));
        if (momentum != 0) links.Add(new TraceMomentum(momentum, dampening, nesterov));
        return links.ToArray();
    }

    /// <summary>torch.optim.Adagrad: d = g + λw; s += d²; w ← w − η/(1 + (t−1)·lr_decay) · d/(√s + ε).</summary>
    private static GradientTransform[] Adagrad(CanonicalSpecReader args)
    {
        double lrDecay = args.Double("lr_decay", 0, min: 0);
        double eps = args.Double("eps", 1e-10, min: 0);
        double initial = args.Double("initial_accumulator_value", 0, min: 0);
        double weightDecay = args.Double("weight_decay", 0, min: 0);
        return WithCoupledDecay(weightDecay, new ScaleByAdagrad(lrDecay, eps, initial));
    }

    /// <summary>torch.optim.RMSprop: d = g + λw; v = αv + (1−α)d² (centered: minus m²); u = d/(√v + ε); momentum b = μb + u.</summary>
    private static GradientTransform[] RmsProp(CanonicalSpecReader args)
    {
        double alpha = args.Double("alpha", 0.99, min: 0, max: 1);
        double eps = args.Double("eps", 1e-8, min: 0);
        double momentum = args.Double("momentum", 0, min: 0, maxExclusive: 1);
        bool centered = args.Bool("centered", false);
        double weightDecay = args.Double("weight_decay", 0, min: 0);
        return momentum == 0
            ? WithCoupledDecay(weightDecay, new ScaleByRmsProp(alpha, eps, centered, foldLearningRate: true))
            : WithCoupledDecay(weightDecay, new ScaleByRmsProp(alpha, eps, centered, foldLearningRate: false),
                new TraceMomentum(momentum, 0, nesterov: false));
    }

    /// <summary>
    /// torch.optim.Adam (L2 decay added to the gradient) or, with <paramref name="decoupledDefault"/>,
    /// torch.optim.AdamW (w ← w·(1 − ηλ) − η·adam, the decay applied to the parameters).
    /// </summary>
    private static GradientTransform[] Adam(CanonicalSpecReader args, double? decoupledDefault)
    {
        double beta1 = args.Double("beta1", 0.9, min: 0, maxExclusive: 1);
        double beta2 = args.Double("beta2", 0.999, min: 0, maxExclusive: 1);
        double eps = args.Double("eps", 1e-8, min: 0);
        double weightDecay = args.Double("weight_decay", decoupledDefault ?? 0, min: 0);
        bool amsgrad = args.Bool("amsgrad", false);
        var scale = new ScaleByAdam(beta1, beta2, eps, amsgrad);
        if (decoupledDefault is null) return WithCoupledDecay(weightDecay, scale);
        return weightDecay == 0 ? [scale] : [scale, new DecoupledWeightDecay(weightDecay)];
    }

    /// <summary>Damped Newton: w ← w − η (H + λI)⁻¹ g.</summary>
    private static GradientTransform[] Newton(CanonicalSpecReader args)
    {
        double damping = args.Double("damping", 0, min: 0);
        return [new ScaleByNewton(damping)];
    }

    private static GradientTransform[] WithCoupledDecay(double weightDecay, params GradientTransform[] scaling)
    {
        var links = new List<GradientTransform>();
        if (weightDecay != 0) links.Add(new AddDecayedWeights(weightDecay));
        links.AddRange(scaling);
        return links.ToArray();
    }
}
