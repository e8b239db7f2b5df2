namespace GdNotebooks.Tests.Running;

/// <summary>
/// Tests that execute notebooks share this collection, so they run one after another: they compile C# and their
/// cell time limits would otherwise compete with each other for the machine's cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RunnerCollection
{
    public const string Name = "gdnb run";
}
