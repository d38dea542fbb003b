using System.Globalization;
using System.Text;

namespace Linkage.Read;

/// <summary>Cleans field values the same way for CSV and XLSX: surrounding whitespace off, trailing empty fields dropped.</summary>
internal static class FieldText
{
    /// <summary>
    /// Removes surrounding whitespace (spaces, tabs, NBSP and other Unicode spaces, line breaks, zero-width marks,
    /// the DOS end-of-file mark U+001A); inner text is kept.
    /// </summary>
    public static string Clean(string value)
    {
        int start = 0, end = value.Length;
        while (start < end && IsTrimmed(value[start]))
        {
            start++;
        }

        while (end > start && IsTrimmed(value[end - 1]))
        {
            end--;
        }

        return start == 0 && end == value.Length ? value : value[start..end];
    }

    /// <summary>Returns the fields up to the last non-empty one (a row of only empty fields becomes empty).</summary>
    public static string[] TrimTrailingEmpty(string[] fields)
    {
        var n = fields.Length;
        while (n > 0 && fields[n - 1].Length == 0)
        {
            n--;
        }

        return n == fields.Length ? fields : fields[..n];
    }

    /// <summary>
    /// The index of the first character of <paramref name="value"/> that is not text: a lone UTF-16 surrogate
    /// (half of a character) or one of the noncharacters U+FFFE and U+FFFF; -1 when there is none.
    /// Such text cannot be normalised (<see cref="string.Normalize()"/> throws), so the reader rejects its row.
    /// </summary>
    public static int IndexOfInvalid(string value)
    {
        var span = value.AsSpan();
        var surrogate = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        var nonCharacter = span.IndexOfAny('\uFFFE', '\uFFFF');
        if (surrogate < 0)
        {
            return nonCharacter;
        }

        // Surrogate pairs are ordinary characters (emoji, rare CJK); only a half without its partner is invalid.
        var end = nonCharacter < 0 ? span.Length : nonCharacter;
        for (var i = surrogate; i < end; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                return i;
            }
        }

        return nonCharacter;
    }

    /// <summary>Names the invalid character at <paramref name="index"/> for a message, e.g. "the lone surrogate U+D800".</summary>
    public static string DescribeInvalid(string value, int index)
    {
        var c = value[index];
        var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        return char.IsSurrogate(c) ? "the lone surrogate U+" + code : "the noncharacter U+" + code;
    }

    /// <summary>Replaces every character that <see cref="IndexOfInvalid"/> finds with U+FFFD, so the text can be written to UTF-8 outputs.</summary>
    public static string ReplaceInvalid(string value)
    {
        var index = IndexOfInvalid(value);
        if (index < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        var start = 0;
        while (index >= 0)
        {
            sb.Append(value, start, index - start).Append('\uFFFD');
            start = index + 1;
            var next = IndexOfInvalid(value[start..]);
            index = next < 0 ? -1 : start + next;
        }

        return sb.Append(value, start, value.Length - start).ToString();
    }

    // U+FEFF is a byte order mark left inside text; U+200B a zero-width space copied from web pages;
    // U+001A the end-of-file mark (Ctrl-Z) that old DOS and Windows tools append to text files.
    private static bool IsTrimmed(char c) => char.IsWhiteSpace(c) || c is '\uFEFF' or '\u200B' or '\u001A';
}
