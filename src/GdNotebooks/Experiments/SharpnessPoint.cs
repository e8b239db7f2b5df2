namespace GdNotebooks.Experiments;

/// <summary>The training loss and the sharpness λ_max of its Hessian after <paramref name="Step"/> updates.</summary>
public sealed record SharpnessPoint(int Step, double Loss, double Sharpness);
