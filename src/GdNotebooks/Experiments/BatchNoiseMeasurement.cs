namespace GdNotebooks.Experiments;

/// <summary>
/// The measured noise of batch size <paramref name="BatchSize"/>: the mean over <paramref name="Samples"/> seeded
/// mini-batches (drawn without replacement) of ‖g_B − G‖², its standard error, and the exact expectation
/// tr(Σ)/B · (N − B)/(N − 1) it should match (<paramref name="Predicted"/>; 0 for the full batch).
/// </summary>
public sealed record BatchNoiseMeasurement(int BatchSize, bool IsFullBatch, int Samples, double Variance, double StandardError, double Predicted)
{
    /// <summary>Measured / predicted; 1 when the 1/B law holds. NaN for the full batch (both are 0).</summary>
    public double Ratio => Predicted > 0 ? Variance / Predicted : double.NaN;
}
