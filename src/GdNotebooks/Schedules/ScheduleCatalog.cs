using GdNotebooks.Specs;

namespace GdNotebooks.Schedules;

/// <summary>The named schedules and how each reads its spec (ranges as torch.optim.lr_scheduler checks them, or tighter).</summary>
internal static class ScheduleCatalog
{
    private static readonly (string Name, Func<CanonicalSpecReader, Schedule> Build)[] Table =
    [
        ("constant", args => new ConstantSchedule(args.NonDefault.ToArray())),
        ("step", StepDecaySchedule.Read),
        ("multistep", MultiStepSchedule.Read),
        ("exponential", ExponentialSchedule.Read),
        ("cosine", CosineAnnealingSchedule.Read),
        ("warm_restarts", CosineWarmRestartsSchedule.Read),
        ("linear", LinearSchedule.Read),
        ("onecycle", OneCycleSchedule.Read),
    ];

    public static IReadOnlyList<string> Names { get; } = Table.Select(entry => entry.Name).ToArray();

    public static Schedule FromSpec(Spec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var entry = Table.FirstOrDefault(e => e.Name == spec.Name);
        if (entry.Build is null) throw UsageException.UnknownChoice("schedule", spec.Name, Names);
        var reader = new CanonicalSpecReader(spec, $"schedule {spec.Name}");
        var schedule = entry.Build(reader);
        int warmup = reader.Int("warmup", 0, min: 0); // every schedule takes warmup=n; WithWarmup prints it back
        reader.Done();
        return schedule.WithWarmup(warmup);
    }
}
