namespace Linkage.Recognise.Concepts;

/// <summary>Edit distance for typos: is one text within one edit (insert, delete, change, or swap of two neighbours) of another.</summary>
internal static class Distance
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are equal or one Damerau–Levenshtein edit apart.</summary>
    public static bool WithinOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length && i == b.Length)
        {
            return true;
        }

        if (a.Length == b.Length)
        {
            // One change, or two neighbours swapped.
            return a[(i + 1)..].SequenceEqual(b[(i + 1)..])
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]));
        }

        // One letter more in the longer text.
        return a.Length > b.Length ? a[(i + 1)..].SequenceEqual(b[i..]) : a[i..].SequenceEqual(b[(i + 1)..]);
    }
}
