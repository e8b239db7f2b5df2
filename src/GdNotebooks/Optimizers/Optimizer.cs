using System.Globalization;
using GdNotebooks.Problems;
using GdNotebooks.Specs;

namespace GdNotebooks.Optimizers;

/// <summary>
/// A named optimizer with the exact semantics of its torch.optim class in PyTorch 1.13, built as a chain of small
/// gradient transforms (optax style): optional gradient centralization, clipping by value and by global norm,
/// then the recipe (weight decay, momentum or adaptive scaling), and finally the one subtraction
/// w ← w − η·u in <see cref="Step"/> (a fused multiply-add, as torch's <c>param.add_(u, alpha=-lr)</c>; the
/// adaptive links fold η in where torch does, and then Step subtracts u itself).
/// <code>
/// sgd:momentum=0.9,dampening=0,nesterov=false,weight_decay=0
/// adagrad:lr_decay=0,eps=1e-10,initial_accumulator_value=0,weight_decay=0
/// rmsprop:alpha=0.99,eps=1e-8,momentum=0,centered=false,weight_decay=0
/// adam:beta1=0.9,beta2=0.999,eps=1e-8,weight_decay=0,amsgrad=false      (torch's betas=(beta1, beta2))
/// adamw: as adam, weight_decay=0.01, decoupled
/// newton:damping=0                                                        w ← w − η (H + λI)⁻¹ g
/// any of them: clip_norm=c (torch.nn.utils.clip_grad_norm_), clip_value=c (clip_grad_value_), centralize=true
/// </code>
/// Order of the optional links: centralize → clip_value → clip_norm → recipe, so the norm bound holds for what
/// the recipe sees. Instances are immutable; all per-run memory lives in the <see cref="OptimizerState"/>.
/// </summary>
public sealed class Optimizer
{
    private readonly IReadOnlyList<KeyValuePair<string, SpecValue>> _recipeArguments;
    private readonly GradientTransform[] _recipe;
    private readonly GradientTransform[] _chain;

    private Optimizer(string name, IReadOnlyList<KeyValuePair<string, SpecValue>> recipeArguments, GradientTransform[] recipe,
        double? clipNorm, double? clipValue, bool centralize)
    {
        Name = name;
        _recipeArguments = recipeArguments;
        _recipe = recipe;
        ClipNorm = clipNorm;
        ClipValue = clipValue;
        Centralizes = centralize;
        var chain = new List<GradientTransform>();
        if (centralize) chain.Add(CentralizeGradients.Instance);
        if (clipValue is { } value) chain.Add(new ClipByValue(value));
        if (clipNorm is { } norm) chain.Add(new ClipByGlobalNorm(norm));
        chain.AddRange(recipe);
        _chain = chain.ToArray();
        _learningRateFolded = _chain.Any(link => link.FoldsLearningRate);
    }

    private readonly bool _learningRateFolded;

    /// <summary>sgd, adagrad, rmsprop, adam, adamw, newton.</summary>
    public static IReadOnlyList<string> Names { get; } = OptimizerRecipes.Table.Select(entry => entry.Name).ToArray();

    /// <summary>Plain SGD with torch's defaults.</summary>
    public static Optimizer Sgd { get; } = Parse("sgd");

    /// <summary>The optimizer's name, e.g. <c>adam</c>.</summary>
    public string Name { get; }

    /// <summary>The maximum global gradient norm, or null without norm clipping.</summary>
    public double? ClipNorm { get; }

    /// <summary>The maximum absolute gradient entry, or null without value clipping.</summary>
    public double? ClipValue { get; }

    /// <summary>True when gradients are centralized (Yong et al. 2020) before anything else.</summary>
    public bool Centralizes { get; }

    /// <summary>Parses a spec such as <c>sgd:momentum=0.9,nesterov=true</c> or <c>adam:amsgrad=true,clip_norm=1</c>.</summary>
    /// <exception cref="UsageException">Unknown name or key, or a hyperparameter out of its range (the message gives the range).</exception>
    public static Optimizer Parse(string spec) => FromSpec(Spec.Parse(spec));

    /// <inheritdoc cref="Parse"/>
    public static Optimizer FromSpec(Spec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var entry = OptimizerRecipes.Table.FirstOrDefault(e => e.Name == spec.Name);
        if (entry.Build is null) throw UsageException.UnknownChoice("optimizer", spec.Name, Names);
        var reader = new CanonicalSpecReader(spec, $"optimizer {spec.Name}");
        var recipe = entry.Build(reader);
        var recipeArguments = reader.NonDefault.ToArray();
        double? clipNorm = reader.OptionalDouble("clip_norm", minExclusive: 0);
        double? clipValue = reader.OptionalDouble("clip_value", minExclusive: 0);
        bool centralize = reader.Bool("centralize", false);
        reader.Done();
        return new Optimizer(spec.Name, recipeArguments, recipe, clipNorm, clipValue, centralize);
    }

    /// <summary>The same optimizer with gradients rescaled to global 2-norm at most <paramref name="maxNorm"/> first (torch's clip_grad_norm_).</summary>
    public Optimizer WithClipNorm(double maxNorm)
    {
        CheckPositive("clip_norm", maxNorm);
        return new Optimizer(Name, _recipeArguments, _recipe, maxNorm, ClipValue, Centralizes);
    }

    /// <summary>The same optimizer with gradient entries clamped to [−c, c] first (torch's clip_grad_value_).</summary>
    public Optimizer WithClipValue(double maxValue)
    {
        CheckPositive("clip_value", maxValue);
        return new Optimizer(Name, _recipeArguments, _recipe, ClipNorm, maxValue, Centralizes);
    }

    /// <summary>The same optimizer with gradient centralization (rows of matrix blocks made zero-mean) first.</summary>
    public Optimizer WithCentralization() => new(Name, _recipeArguments, _recipe, ClipNorm, ClipValue, centralize: true);

    /// <summary>
    /// Whether this optimizer can run on <paramref name="problem"/>, checked without allocating its state, so a command
    /// can refuse it before estimating or starting any work.
    /// </summary>
    /// <exception cref="UsageException">Newton on a problem too large for a dense Hessian.</exception>
    public void Check(IProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        foreach (var link in _chain) link.Check(problem);
    }

    /// <summary>Allocates the per-run state (all buffers) for <paramref name="problem"/>.</summary>
    /// <exception cref="UsageException">Newton on a problem too large for a dense Hessian.</exception>
    public OptimizerState Init(IProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var links = new TransformState[_chain.Length];
        for (int i = 0; i < links.Length; i++) links[i] = _chain[i].Init(problem);
        return new OptimizerState(this, problem.Dimension, links);
    }

    /// <summary>
    /// One update, in place: u = chain(g), w ← w − η·u. Newton asks <paramref name="problem"/> for curvature at w.
    /// Allocates nothing. Non-finite gradients propagate into the parameters (the runner then reports divergence).
    /// </summary>
    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient, OptimizerState state, double learningRate, IProblem problem)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!ReferenceEquals(state.Owner, this))
            throw new ArgumentException("this state was made by another optimizer's Init", nameof(state));
        if (parameters.Length != state.Dimension || gradient.Length != state.Dimension)
            throw new ArgumentException($"expected {state.Dimension} parameters and gradient entries, got {parameters.Length} and {gradient.Length}");
        var directions = state.Directions.AsSpan();
        gradient.CopyTo(directions);
        var links = state.Links;
        for (int i = 0; i < _chain.Length; i++) _chain[i].Update(directions, parameters, links[i], learningRate, problem);
        for (int i = 0; i < _chain.Length; i++) _chain[i].BeforeApply(parameters, learningRate);
        if (_learningRateFolded)
            for (int i = 0; i < parameters.Length; i++) parameters[i] -= directions[i];
        else
            for (int i = 0; i < parameters.Length; i++) parameters[i] = Math.FusedMultiplyAdd(-learningRate, directions[i], parameters[i]);
        state.StepCount++;
    }

    /// <summary>The canonical spec: the name, then non-default hyperparameters, then clip_norm, clip_value, centralize.</summary>
    public override string ToString()
    {
        var arguments = new List<string>(_recipeArguments.Select(a => $"{a.Key}={a.Value}"));
        if (ClipNorm is { } norm) arguments.Add("clip_norm=" + NumberText.Format(norm, null));
        if (ClipValue is { } value) arguments.Add("clip_value=" + NumberText.Format(value, null));
        if (Centralizes) arguments.Add("centralize=true");
        return arguments.Count == 0 ? Name : Name + ":" + string.Join(",", arguments);
    }

    private void CheckPositive(string key, double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
            throw new UsageException($"{key}={NumberText.Format(value, null)} for optimizer {Name} is out of range; valid: > 0");
    }
}
