using System.Text;
using System.Text.Json;

namespace GdNotebooks.Cli.Notebooks;

/// <summary>Shared checks on notebook file text: UTF-8 validity and where in the text a JSON error is.</summary>
internal static class NotebookText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 (a leading byte-order mark is dropped), or fails naming the line of the first bad byte.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        RequireUtf8(bytes, fileName);
        return Strict.GetString(bytes);
    }

    /// <summary>Fails with <c>not a notebook: FILE: not UTF-8 text (bad byte at line L, position P)</c> unless the bytes are valid UTF-8.</summary>
    public static void RequireUtf8(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return;
        var chars = new char[bytes.Length];
        System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out int validBytes, out _, replaceInvalidSequences: false);
        var (line, column) = Position(bytes, validBytes);
        throw IpynbFormat.NotANotebook(fileName, $"not UTF-8 text (bad byte at line {line}, position {column})");
    }

    /// <summary>
    /// "invalid JSON at line 3, position 7" (both counted from 1, the position in characters), with a hint when the
    /// culprit is a bare NaN or Infinity, which Python's json writes but JSON does not allow. When the JSON is part of
    /// a larger file, <paramref name="firstLine"/> is the file line its first line is on.
    /// </summary>
    public static string DescribeJsonError(JsonException e, ReadOnlySpan<byte> bytes, string what = "JSON", int firstLine = 1)
    {
        if (e.LineNumber is not long line0 || e.BytePositionInLine is not long byteInLine) return $"invalid {what}";
        int lineStart = 0;
        for (long l = 0; l < line0 && lineStart < bytes.Length; lineStart++)
            if (bytes[lineStart] == (byte)'\n') l++;
        int offset = (int)Math.Min(bytes.Length, lineStart + byteInLine);
        int column = Encoding.UTF8.GetCharCount(bytes[lineStart..offset]) + 1;
        string rest = Encoding.UTF8.GetString(bytes[offset..Math.Min(bytes.Length, offset + 9)]);
        string hint = rest.StartsWith("NaN", StringComparison.Ordinal) || rest.StartsWith("Infinity", StringComparison.Ordinal) || rest.StartsWith("-Infinity", StringComparison.Ordinal)
            ? " (NaN and Infinity are not JSON)"
            : "";
        return $"invalid {what} at line {line0 + firstLine}, position {column}{hint}";
    }

    /// <summary>1-based line and character position of byte <paramref name="offset"/> in valid UTF-8 before it.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<byte> bytes, int offset)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++)
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        return (line, Encoding.UTF8.GetCharCount(bytes[lineStart..offset]) + 1);
    }
}
