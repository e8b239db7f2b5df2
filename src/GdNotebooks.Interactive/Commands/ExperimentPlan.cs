using GdNotebooks.Experiments;

namespace GdNotebooks.Interactive.Commands;

/// <summary>
/// An experiment ready to run: its options parsed into settings, what it will cost, and the call that runs it.
/// Front ends check <see cref="Estimate"/> against <see cref="WorkLimits"/> before calling <see cref="Run"/>.
/// </summary>
public sealed record ExperimentPlan(WorkEstimate Estimate, Func<IProgress<ExperimentProgress>?, CancellationToken, IExperimentResult> Run);
