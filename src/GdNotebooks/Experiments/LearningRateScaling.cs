namespace GdNotebooks.Experiments;

/// <summary>
/// How the learning rate grows with the batch size B relative to the smallest batch B₀ of a comparison:
/// <see cref="None"/> keeps η; <see cref="Linear"/> uses η·B/B₀ (the linear scaling rule of Goyal et al. 2017,
/// "Accurate, large minibatch SGD", best with warmup); <see cref="Sqrt"/> uses η·√(B/B₀), which keeps the variance
/// of the update η·g_B constant (Krizhevsky 2014; Hoffer et al. 2017).
/// </summary>
public enum LearningRateScaling
{
    None,
    Linear,
    Sqrt,
}
