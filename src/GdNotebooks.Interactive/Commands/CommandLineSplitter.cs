using System.Text;

namespace GdNotebooks.Interactive.Commands;

/// <summary>
/// Splits a magic-command line into tokens the way a POSIX shell would for simple cases:
/// whitespace separates, single and double quotes group (<c>--problem "(w-3)^2"</c>), backslash escapes inside double quotes.
/// </summary>
public static class CommandLineSplitter
{
    public static IReadOnlyList<string> Split(string line)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        bool inToken = false;
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else if (c == '\\' && quote == '"' && i + 1 < line.Length && line[i + 1] is '"' or '\\') current.Append(line[++i]);
                else current.Append(c);
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (inToken) tokens.Add(current.ToString());
                current.Clear();
                inToken = false;
                continue;
            }
            inToken = true;
            if (c is '"' or '\'') quote = c;
            else current.Append(c);
        }
        if (quote != '\0') throw new UsageException($"unclosed {quote} quote in: {line}");
        if (inToken) tokens.Add(current.ToString());
        return tokens;
    }
}
