namespace GdNotebooks.Experiments;

/// <summary>What <see cref="LossLandscape"/> draws: a 1-D line between two solutions, or a 2-D surface around one.</summary>
public enum LandscapeMode
{
    /// <summary><c>1d</c>: f((1 − α)θ₀ + αθ₁) for α over a range (Goodfellow, Vinyals &amp; Saxe 2015).</summary>
    Line,
    /// <summary><c>2d</c>: f(θ* + α δ + β η) for two filter-normalised random directions (Li et al. 2018).</summary>
    Surface,
}
