namespace GdNotebooks.Interactive.Commands;

/// <summary>
/// Options given once per configuration (<c>compare --optimizer sgd --optimizer adam</c>,
/// <c>schedule --schedule cosine --schedule step:step_size=30</c>): each value parsed on its own, errors naming the
/// value and its position.
/// </summary>
internal static class RepeatedSpecs
{
    /// <summary>Parses every value of the repeatable <paramref name="option"/>; at least one must be given.</summary>
    public static IReadOnlyList<T> Parse<T>(ParsedCommand command, string option, Func<string, T> parse, string example)
    {
        var values = command.All(option);
        if (values.Count == 0)
            throw new UsageException($"{command.Command.Name} needs {option} at least once, once per configuration: e.g. {example}");
        var parsed = new List<T>(values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            try
            {
                parsed.Add(parse(values[i]));
            }
            catch (UsageException e)
            {
                throw new UsageException($"{option} '{values[i]}' (number {i + 1} of {values.Count}): {e.Message}");
            }
        }
        return parsed;
    }
}
