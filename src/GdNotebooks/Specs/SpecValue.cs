using System.Globalization;

namespace GdNotebooks.Specs;

/// <summary>One value in a spec: a number, an identifier, true/false, or a list <c>[v1,v2,…]</c>.</summary>
public abstract record SpecValue
{
    public sealed record Number(double Value) : SpecValue
    {
        /// <summary>Shortest round-trip form with a lower-case exponent, as people write it: 1e-06 → <c>1e-6</c>.</summary>
        public override string ToString() => NumberText.Format(Value, null);
    }

    public sealed record Identifier(string Name) : SpecValue
    {
        public override string ToString() => Name;
    }

    public sealed record Boolean(bool Value) : SpecValue
    {
        public override string ToString() => Value ? "true" : "false";
    }

    public sealed record List(IReadOnlyList<SpecValue> Items) : SpecValue
    {
        public override string ToString() => "[" + string.Join(",", Items) + "]";
        public bool Equals(List? other) => other is not null && Items.SequenceEqual(other.Items);
        public override int GetHashCode() => Items.Count;
    }
}
