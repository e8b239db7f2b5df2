using System.Globalization;
using GdNotebooks.Specs;

namespace GdNotebooks.Problems.Data;

/// <summary>
/// The settings every data problem shares: penalties, the held-out split and standardization.
/// Penalty = ½·<see cref="L2"/>·‖W‖² + <see cref="L1"/>·Σ|Wᵢⱼ| over weight matrices only; biases are never penalized
/// (so the ½ makes <see cref="L2"/> act on the gradient exactly like PyTorch's weight_decay on the weights).
/// </summary>
public sealed record DataProblemOptions
{
    /// <summary>l2=: coefficient λ₂ ≥ 0 of ½λ₂‖W‖².</summary>
    public double L2 { get; init; }

    /// <summary>l1=: coefficient λ₁ ≥ 0 of λ₁Σ|Wᵢⱼ|; its (sub)gradient is λ₁·sign(W), with sign(0) = 0.</summary>
    public double L1 { get; init; }

    /// <summary>test=: the held-out fraction in [0, 1), default 0.2.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>seed=: the seed of the train/test shuffle (not of the initial point).</summary>
    public int Seed { get; init; }

    /// <summary>standardize=: standardize features with statistics of the training split (default true).</summary>
    public bool Standardize { get; init; } = true;

    public static DataProblemOptions Default { get; } = new();

    /// <summary>Reads l2=, l1=, test=, seed=, standardize= from a spec (the caller then calls Done()).</summary>
    public static DataProblemOptions Read(SpecArguments args) => new()
    {
        L2 = args.Double("l2", 0, min: 0),
        L1 = args.Double("l1", 0, min: 0),
        TestFraction = args.Double("test", 0.2, min: 0, maxExclusive: 1),
        Seed = args.Int("seed", 0),
        Standardize = args.Bool("standardize", true),
    };

    /// <summary>The non-default settings as spec arguments, e.g. <c>,l2=0.01,test=0.3</c>; empty when all are defaults.</summary>
    public string SpecSuffix()
    {
        var parts = new List<string>();
        if (L2 != 0) parts.Add("l2=" + Format(L2));
        if (L1 != 0) parts.Add("l1=" + Format(L1));
        if (TestFraction != 0.2) parts.Add("test=" + Format(TestFraction));
        if (Seed != 0) parts.Add("seed=" + Seed.ToString(CultureInfo.InvariantCulture));
        if (!Standardize) parts.Add("standardize=false");
        return string.Concat(parts.Select(p => "," + p));
    }

    internal static string Format(double value) => NumberText.Format(value, null);
}
