using System.Globalization;

namespace GdNotebooks.Specs;

/// <summary>
/// A named thing with arguments, as users write it everywhere (CLI, magic commands, C#):
/// <c>name[:key=value[,key=value…]]</c>, e.g. <c>adam:beta1=0.9,beta2=0.999</c> or
/// <c>quadratic:a=[1,100],center=[3,-1]</c>. Parsing only checks the grammar; the
/// <see cref="SpecArguments"/> reader checks names, keys and ranges where the thing is built.
/// </summary>
public sealed record Spec(string Name, IReadOnlyList<KeyValuePair<string, SpecValue>> Arguments)
{
    public static Spec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SpecParser(text).ParseSpec();
    }

    /// <summary>True when <paramref name="text"/> has the shape of a spec (as opposed to, say, a formula).</summary>
    public static bool TryParse(string text, out Spec spec)
    {
        try
        {
            spec = Parse(text);
            return true;
        }
        catch (UsageException)
        {
            spec = null!;
            return false;
        }
    }

    public SpecValue? this[string key] => Arguments.FirstOrDefault(a => a.Key == key).Value;

    /// <summary>A reader that validates keys and values for the thing named <paramref name="what"/>.</summary>
    public SpecArguments Read(string what) => new(this, what);

    public override string ToString() =>
        Arguments.Count == 0 ? Name : Name + ":" + string.Join(",", Arguments.Select(a => $"{a.Key}={a.Value}"));

    public bool Equals(Spec? other) =>
        other is not null && Name == other.Name && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Name, Arguments.Count);

    /// <summary>Recursive descent over the grammar; every error says what was expected and where.</summary>
    private sealed class SpecParser(string text)
    {
        private int _pos;

        public Spec ParseSpec()
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 0) throw new UsageException("empty spec; expected name[:key=value,…]");
            text = trimmed;
            var name = Identifier("a name");
            var args = new List<KeyValuePair<string, SpecValue>>();
            SkipSpaces();
            if (Peek() == ':')
            {
                _pos++;
                do
                {
                    SkipSpaces();
                    var key = Identifier("a key");
                    SkipSpaces();
                    Expect('=');
                    if (args.Any(a => a.Key == key)) throw Error($"key '{key}' given twice");
                    args.Add(new(key, Value()));
                    SkipSpaces();
                } while (TryTake(','));
            }
            SkipSpaces();
            if (_pos < text.Length) throw Error($"unexpected '{text[_pos]}'");
            return new Spec(name.ToLowerInvariant(), args);
        }

        private SpecValue Value()
        {
            SkipSpaces();
            char c = Peek();
            if (c == '[')
            {
                _pos++;
                var items = new List<SpecValue>();
                SkipSpaces();
                if (TryTake(']')) return new SpecValue.List(items);
                do items.Add(Value()); while (TryTake(','));
                SkipSpaces();
                Expect(']');
                return new SpecValue.List(items);
            }
            if (char.IsDigit(c) || c is '-' or '+' or '.') return Number();
            if (char.IsLetter(c) || c == '_')
            {
                var id = Identifier("a value");
                return id.ToLowerInvariant() switch
                {
                    "true" => new SpecValue.Boolean(true),
                    "false" => new SpecValue.Boolean(false),
                    "nan" or "inf" or "infinity" => throw Error($"'{id}' is not a usable number; give a finite value"),
                    _ => new SpecValue.Identifier(id),
                };
            }
            throw Error(_pos >= text.Length ? "missing value" : $"expected a value, found '{c}'");
        }

        private SpecValue.Number Number()
        {
            int start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] is '.' or '-' or '+'))
                _pos++;
            var token = text[start.._pos];
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new UsageException($"malformed number '{token}' in '{text}' at position {start + 1}");
            if (!double.IsFinite(value))
                throw new UsageException($"number '{token}' in '{text}' is not finite");
            return new SpecValue.Number(value);
        }

        private string Identifier(string what)
        {
            SkipSpaces();
            int start = _pos;
            if (_pos < text.Length && (char.IsLetter(text[_pos]) || text[_pos] == '_'))
                while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_')) _pos++;
            if (_pos == start) throw Error(_pos >= text.Length ? $"expected {what}, found the end" : $"expected {what}, found '{text[_pos]}'");
            return text[start.._pos];
        }

        private char Peek() => _pos < text.Length ? text[_pos] : '\0';

        private bool TryTake(char c)
        {
            SkipSpaces();
            if (Peek() != c) return false;
            _pos++;
            return true;
        }

        private void Expect(char c)
        {
            if (!TryTake(c)) throw Error(_pos >= text.Length ? $"expected '{c}', found the end" : $"expected '{c}', found '{text[_pos]}'");
        }

        private void SkipSpaces()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        private UsageException Error(string message) =>
            new($"bad spec '{text}': {message} at position {Math.Min(_pos, text.Length) + 1}");
    }
}
