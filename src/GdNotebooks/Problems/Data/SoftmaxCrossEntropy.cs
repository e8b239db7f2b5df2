namespace GdNotebooks.Problems.Data;

/// <summary>
/// The multiclass cross-entropy of logits z for label y, ℓ = log Σₖ e^{zₖ} − z_y, and its derivatives:
/// ∇_z ℓ = p − e_y with p = softmax(z), and ∇²_z ℓ = diag(p) − p pᵀ. Log-sum-exp subtracts max z first, so
/// large logits neither overflow nor lose the loss (PyTorch's cross_entropy with mean reduction, per example).
/// </summary>
internal static class SoftmaxCrossEntropy
{
    /// <summary>Writes p = softmax(z) into <paramref name="probabilities"/> and returns ℓ = logsumexp(z) − z_label.</summary>
    public static double LossAndProbabilities(ReadOnlySpan<double> logits, int label, Span<double> probabilities)
    {
        double max = double.NegativeInfinity;
        foreach (var z in logits) max = Math.Max(max, z);
        double sum = 0;
        for (int k = 0; k < logits.Length; k++)
        {
            probabilities[k] = Math.Exp(logits[k] - max);
            sum += probabilities[k];
        }
        for (int k = 0; k < logits.Length; k++) probabilities[k] /= sum;
        return max + Math.Log(sum) - logits[label];
    }

    /// <summary>result = (diag(p) − p pᵀ) u = p ⊙ (u − p·u): the loss Hessian in logit space times u.</summary>
    public static void HessianTimes(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> u, Span<double> result)
    {
        double pu = 0;
        for (int k = 0; k < u.Length; k++) pu += probabilities[k] * u[k];
        for (int k = 0; k < u.Length; k++) result[k] = probabilities[k] * (u[k] - pu);
    }
}
