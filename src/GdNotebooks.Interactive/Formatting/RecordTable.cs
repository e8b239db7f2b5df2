using System.Collections;
using System.Globalization;
using System.Reflection;
using GdNotebooks.Charts;
using GdNotebooks.Experiments;

namespace GdNotebooks.Interactive.Formatting;

/// <summary>
/// A sequence of records (objects with public properties, such as <c>List&lt;TrajectoryPoint&gt;</c> or the rows a LINQ
/// query projects) as a table: one column per property, one row per item. Scalars, strings, nested sequences and
/// values that draw themselves (figures, results) are not records.
/// </summary>
public static class RecordTable
{
    /// <summary>Items shown in one table; the rest is counted (the table then elides its middle rows too).</summary>
    public const int MaxItems = 10_000;

    /// <summary>The table for <paramref name="sequence"/>, or null when its items are not records.</summary>
    public static HtmlTable? TryCreate(IEnumerable sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        if (sequence is string) return null;
        var items = sequence.Cast<object?>().Take(MaxItems + 1).ToList();
        var itemType = ElementType(sequence.GetType()) is { } declared && declared != typeof(object)
            ? declared
            : items.FirstOrDefault(i => i is not null)?.GetType();
        if (itemType is null || !IsRecord(itemType) || items.Any(i => i is not null && !itemType.IsInstanceOfType(i))) return null;

        var columns = itemType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic && p.Name != "EqualityContract")
            .ToList();
        if (columns.Count == 0) return null;
        var rows = items.Take(MaxItems)
            .Select(item => (IReadOnlyList<string>)columns.Select(c => item is null ? "" : Cell(Read(c, item))).ToList())
            .ToList();
        return new HtmlTable(columns.Select(c => c.Name).ToList(), rows);
    }

    /// <summary>Whether values of <paramref name="type"/> show as a table row: a class or struct with properties, not a scalar.</summary>
    public static bool IsRecord(Type type) =>
        !(type.IsPrimitive || type.IsEnum || type.IsPointer || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
          || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(object)
          || typeof(IEnumerable).IsAssignableFrom(type) || typeof(Figure).IsAssignableFrom(type)
          || typeof(IExperimentResult).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type)
          || Nullable.GetUnderlyingType(type) is not null)
        && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.GetIndexParameters().Length == 0);

    /// <summary>A cell's text: numbers invariant and round-trippable (nan, inf spelled out), short lists inline, null empty.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => TextTable.Csv(d),
        float f => TextTable.Csv(f),
        bool b => b ? "true" : "false",
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Take(8).Select(Cell)) + (list.Cast<object?>().Skip(8).Any() ? ", …" : "") + "]",
        _ => value.ToString() ?? "",
    };

    private static object? Read(PropertyInfo property, object item)
    {
        try { return property.GetValue(item); }
        catch (TargetInvocationException e) { return $"({e.InnerException?.GetType().Name ?? "error"})"; }
    }

    private static Type? ElementType(Type sequenceType)
    {
        if (sequenceType.IsArray) return sequenceType.GetElementType();
        var enumerable = sequenceType.IsGenericType && sequenceType.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? sequenceType
            : sequenceType.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}
