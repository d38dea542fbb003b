namespace Linkage.Recognise.Concepts;

/// <summary>
/// Words typed with letters of two scripts (a Latin <c>e</c> inside a Russian word, a Cyrillic <c>о</c> inside an
/// English one), which look right and match nothing: the letters that look alike are written in the word's main script.
/// </summary>
internal static class Homoglyphs
{
    private const string LatinLike = "aeopcxykmthb";
    private const string CyrillicLike = "аеорсхукмтнв";

    /// <summary>The word in one script when it mixes two; unchanged otherwise.</summary>
    public static string Unmix(string word)
    {
        int latin = 0, cyrillic = 0;
        foreach (var ch in word)
        {
            if (char.IsAsciiLetter(ch))
            {
                latin++;
            }
            else if (ch is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
        }

        if (latin == 0 || cyrillic == 0)
        {
            return word;
        }

        var (from, to) = cyrillic >= latin ? (LatinLike, CyrillicLike) : (CyrillicLike, LatinLike);
        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var k = from.IndexOf(chars[i], StringComparison.Ordinal);
            if (k >= 0)
            {
                chars[i] = to[k];
            }
        }

        return new string(chars);
    }
}
