using System.Globalization;

namespace GdNotebooks.Problems.Formulas;

/// <summary>
/// Splits a formula into numbers (<c>2</c>, <c>0.5</c>, <c>1e-3</c>), identifiers, the operators + − * / ^ and
/// parentheses, one token at a time so the first mistake in reading order is the one reported.
/// </summary>
internal sealed class FormulaTokenizer(string text)
{
    private int _index;

    public FormulaToken Next()
    {
        while (_index < text.Length && char.IsWhiteSpace(text[_index])) _index++;
        int start = _index;
        if (start == text.Length) return new(FormulaTokenKind.End, "", start + 1);

        char c = text[start];
        if (char.IsAsciiDigit(c) || (c == '.' && start + 1 < text.Length && char.IsAsciiDigit(text[start + 1])))
            return ReadNumber(start);
        if (char.IsLetter(c) || c == '_')
        {
            while (_index < text.Length && (char.IsLetterOrDigit(text[_index]) || text[_index] == '_')) _index++;
            return new(FormulaTokenKind.Identifier, text[start.._index], start + 1);
        }
        _index++;
        return c switch
        {
            '+' or '-' or '*' or '/' or '^' => new(FormulaTokenKind.Operator, c.ToString(), start + 1),
            '(' => new(FormulaTokenKind.LeftParenthesis, "(", start + 1),
            ')' => new(FormulaTokenKind.RightParenthesis, ")", start + 1),
            _ => throw new UsageException(
                $"unexpected character {Describe(c)} at position {start + 1}; formulas use numbers, variables, " +
                "+ - * / ^, parentheses and functions like sin(x)"),
        };
    }

    /// <summary>digits [. digits] [e [±] digits]; the exponent is only taken when digits follow, so <c>2e</c> is 2 then e.</summary>
    private FormulaToken ReadNumber(int start)
    {
        SkipDigits();
        if (_index < text.Length && text[_index] == '.')
        {
            _index++;
            SkipDigits();
        }
        if (_index < text.Length && text[_index] is 'e' or 'E')
        {
            int afterE = _index + 1;
            if (afterE < text.Length && text[afterE] is '+' or '-') afterE++;
            if (afterE < text.Length && char.IsAsciiDigit(text[afterE]))
            {
                _index = afterE;
                SkipDigits();
            }
        }
        string literal = text[start.._index];
        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw new UsageException($"number '{literal}' at position {start + 1} is out of range; numbers must be finite doubles");
        return new(FormulaTokenKind.Number, literal, start + 1, value);
    }

    private void SkipDigits()
    {
        while (_index < text.Length && char.IsAsciiDigit(text[_index])) _index++;
    }

    private static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : $"'{c}'";
}
