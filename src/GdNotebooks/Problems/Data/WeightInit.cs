namespace GdNotebooks.Problems.Data;

/// <summary>
/// How <see cref="Mlp.InitialPoint"/> draws weight matrices (spec key <c>init=</c>); biases always start at 0.
/// Each weight is an independent normal draw with mean 0 and the standard deviation below, for a layer with
/// fan_in inputs and fan_out outputs.
/// </summary>
public enum WeightInit
{
    /// <summary>Glorot &amp; Bengio (2010), normal form: σ = √(2 / (fan_in + fan_out)) (torch.nn.init.xavier_normal_).</summary>
    Xavier,

    /// <summary>He et al. (2015), for ReLU: σ = √(2 / fan_in) (torch.nn.init.kaiming_normal_, fan_in mode).</summary>
    He,

    /// <summary>A fixed small scale, σ = 0.01, blind to layer width: the classic naive start that shows why scaling matters.</summary>
    Normal,
}
