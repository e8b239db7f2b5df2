namespace GdNotebooks.Training;

/// <summary>
/// Row k of a run: the state after k updates. <paramref name="Loss"/> and <paramref name="GradientNorm"/> are the
/// full training loss and ‖∇f‖₂ at w_k (even with mini-batches); <paramref name="LearningRate"/> is the rate
/// update k used to get here (null on row 0); <paramref name="Parameters"/> is a copy of w_k for problems with at
/// most 16 parameters, else null.
/// </summary>
public sealed record TrajectoryPoint(int Step, double Loss, double? LearningRate, double GradientNorm, double[]? Parameters);
