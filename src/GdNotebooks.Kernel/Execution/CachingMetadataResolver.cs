using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// Resolves each <c>#r</c> and each default script reference once, then hands out the same
/// <see cref="PortableExecutableReference"/> objects forever.
/// </summary>
/// <remarks>
/// Roslyn scripting resolves <see cref="Microsoft.CodeAnalysis.Scripting.ScriptOptions.Default"/>'s ~25 unresolved
/// framework references for every script whose options list them, and the default resolver reads each file anew.
/// When every cell listed them, a session of 200 cells held 5,000 copies of framework metadata (about 4 MB of working
/// set per cell). Now only the first submission of a chain lists them (see <see cref="SubmissionChain"/>), and this
/// cache lets each new chain and each repeated <c>#r</c> reuse what was read before.
/// A file that changes on disk after its first <c>#r</c> is not re-read (an assembly cannot be reloaded anyway).
/// </remarks>
internal sealed class CachingMetadataResolver(MetadataReferenceResolver inner) : MetadataReferenceResolver
{
    private readonly ConcurrentDictionary<(string Reference, string? BaseFilePath, MetadataReferenceProperties Properties), ImmutableArray<PortableExecutableReference>> _resolved = new();
    private readonly ConcurrentDictionary<(string Name, Version Version, string Culture, string PublicKey), PortableExecutableReference?> _missing = new();

    /// <inheritdoc />
    public override bool ResolveMissingAssemblies => inner.ResolveMissingAssemblies;

    /// <inheritdoc />
    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        var key = (reference, baseFilePath, properties);
        if (_resolved.TryGetValue(key, out var known)) return known;
        var resolved = inner.ResolveReference(reference, baseFilePath, properties);
        // Failures are not cached: the file may appear later (a user builds the assembly, then runs #r again).
        return resolved.IsDefaultOrEmpty ? resolved : _resolved.GetOrAdd(key, resolved);
    }

    /// <inheritdoc />
    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity)
    {
        var key = (referenceIdentity.Name, referenceIdentity.Version, referenceIdentity.CultureName, Convert.ToHexString(referenceIdentity.PublicKeyToken.AsSpan()));
        if (_missing.TryGetValue(key, out var known)) return known;
        var resolved = inner.ResolveMissingAssembly(definition, referenceIdentity);
        return resolved is null ? null : _missing.GetOrAdd(key, resolved);
    }

    /// <inheritdoc />
    public override bool Equals(object? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
