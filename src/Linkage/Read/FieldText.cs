namespace Linkage.Read;

/// <summary>Cleans field values the same way for CSV and XLSX: surrounding whitespace off, trailing empty fields dropped.</summary>
internal static class FieldText
{
    /// <summary>Removes surrounding whitespace (spaces, tabs, NBSP and other Unicode spaces, line breaks, zero-width marks); inner text is kept.</summary>
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

    // U+FEFF is a byte order mark left inside text; U+200B a zero-width space copied from web pages.
    private static bool IsTrimmed(char c) => char.IsWhiteSpace(c) || c is '\uFEFF' or '\u200B';
}
