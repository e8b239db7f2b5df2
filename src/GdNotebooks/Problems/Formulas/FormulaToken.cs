namespace GdNotebooks.Problems.Formulas;

internal enum FormulaTokenKind { Number, Identifier, Operator, LeftParenthesis, RightParenthesis, End }

/// <summary>One token of a formula; <paramref name="Position"/> is 1-based in the text as typed.</summary>
internal readonly record struct FormulaToken(FormulaTokenKind Kind, string Text, int Position, double Number = 0)
{
    /// <summary>How error messages quote the token.</summary>
    public string Quoted => Kind == FormulaTokenKind.End ? "the end of the formula" : $"'{Text}'";

    public bool IsOperator(char symbol) => Kind == FormulaTokenKind.Operator && Text[0] == symbol;
}
