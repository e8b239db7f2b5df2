using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace GdNotebooks.Cli.Running;

/// <summary>
/// One <c>--param name=value</c> of <c>gdnb run</c>: a C# variable name and the text given for it. How the text becomes
/// a C# literal is decided by <see cref="ToCSharp"/>.
/// </summary>
public sealed partial record NotebookParameter(string Name, string Value)
{
    /// <summary>Parses <c>name=value</c> (the value may be empty or contain '='; the name must be a C# identifier).</summary>
    /// <exception cref="UsageException">No '=', or the name is not a valid C# identifier (keywords included).</exception>
    public static NotebookParameter Parse(string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0) throw new UsageException($"--param {text}: expected name=value, e.g. --param lr=0.1");
        string name = text[..equals].Trim();
        if (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            || SyntaxFacts.GetContextualKeywordKind(name) is SyntaxKind.VarKeyword)
            throw new UsageException($"--param {text}: '{name}' is not a C# variable name (a letter or '_', then letters, digits or '_'; not a keyword)");
        return new NotebookParameter(name, text[(equals + 1)..]);
    }

    /// <summary>
    /// The C# literal for <see cref="Value"/>. With <paramref name="asString"/> (the parameters cell declares the
    /// variable as a string) it is always a string literal. Otherwise, by the text's shape: <c>true</c>/<c>false</c> → bool;
    /// an integer (<c>-12</c>) that fits an int → int; any other decimal number (<c>0.5</c>, <c>1e-3</c>, <c>-.5</c>,
    /// an integer too big for int) → double, written so C# reads the same double; anything else (<c>adam</c>, <c>NaN</c>,
    /// <c>[1,2]</c>, empty) → a string literal with C# escapes.
    /// </summary>
    public string ToCSharp(bool asString = false) => Kind(asString) switch
    {
        ParameterKind.Bool => Value,
        ParameterKind.Int => int.Parse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        ParameterKind.Double => DoubleLiteral(double.Parse(Value, NumberStyles.Float, CultureInfo.InvariantCulture)),
        _ => SymbolDisplay.FormatLiteral(Value, quote: true),
    };

    /// <summary>The value as JSON of the same type (for <c>metadata.gdnotebooks.parameters</c>).</summary>
    public JsonNode ToJson(bool asString = false) => Kind(asString) switch
    {
        ParameterKind.Bool => JsonValue.Create(Value == "true"),
        ParameterKind.Int => JsonValue.Create(int.Parse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
        ParameterKind.Double => JsonValue.Create(double.Parse(Value, NumberStyles.Float, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(Value),
    };

    private ParameterKind Kind(bool asString)
    {
        if (asString) return ParameterKind.String;
        if (Value is "true" or "false") return ParameterKind.Bool;
        if (IntegerText().IsMatch(Value))
            return int.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? ParameterKind.Int : ParameterKind.Double;
        if (DecimalText().IsMatch(Value)
            && double.TryParse(Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d))
            return ParameterKind.Double;
        return ParameterKind.String;
    }

    private static string DoubleLiteral(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    [GeneratedRegex(@"^[+-]?[0-9]+$")]
    private static partial Regex IntegerText();

    [GeneratedRegex(@"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$")]
    private static partial Regex DecimalText();

    private enum ParameterKind { Bool, Int, Double, String }
}
