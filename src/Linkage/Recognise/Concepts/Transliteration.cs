using System.Text;

namespace Linkage.Recognise.Concepts;

/// <summary>
/// Russian in Latin letters: a folded word (Cyrillic or Latin) reduced to a skeleton in which the usual ways of
/// writing Russian in Latin letters meet (<c>vnutrennyaya</c>, <c>vnutrenniaia</c> and <c>внутренняя</c> alike), so
/// that a transliterated word can be matched against the lexicon's Russian words.
/// </summary>
internal static class Transliteration
{
    private static readonly Dictionary<char, string> Latin = new()
    {
        ['а'] = "a",
        ['б'] = "b",
        ['в'] = "v",
        ['г'] = "g",
        ['д'] = "d",
        ['е'] = "e",
        ['ж'] = "zh",
        ['з'] = "z",
        ['и'] = "i",
        ['к'] = "k",
        ['л'] = "l",
        ['м'] = "m",
        ['н'] = "n",
        ['о'] = "o",
        ['п'] = "p",
        ['р'] = "r",
        ['с'] = "s",
        ['т'] = "t",
        ['у'] = "u",
        ['ф'] = "f",
        ['х'] = "kh",
        ['ц'] = "ts",
        ['ч'] = "ch",
        ['ш'] = "sh",
        ['щ'] = "shch",
        ['ъ'] = "",
        ['ы'] = "y",
        ['ь'] = "",
        ['э'] = "e",
        ['ю'] = "yu",
        ['я'] = "ya",
        ['і'] = "i",
    };

    // Longest first: each spelling of a sound becomes one letter.
    private static readonly (string From, string To)[] Digraphs =
    [
        ("shch", "s"), ("sch", "s"), ("zh", "z"), ("kh", "h"), ("ts", "c"), ("tz", "c"), ("ch", "c"), ("sh", "s"),
        ("yu", "u"), ("ju", "u"), ("iu", "u"), ("ya", "a"), ("ja", "a"), ("ia", "a"), ("yo", "o"), ("jo", "o"), ("ye", "e"), ("je", "e"),
        ("x", "ks"), ("w", "v"), ("y", "i"), ("j", "i"),
    ];

    /// <summary>True when every letter of <paramref name="word"/> is a basic Latin letter.</summary>
    public static bool IsLatin(string word)
    {
        foreach (var ch in word)
        {
            if (!char.IsAsciiLetterLower(ch) && !char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The skeleton of a folded word (Cyrillic letters are written in Latin first).</summary>
    public static string Skeleton(string word)
    {
        var sb = new StringBuilder(word.Length + 4);
        foreach (var ch in word)
        {
            sb.Append(Latin.TryGetValue(ch, out var l) ? l : ch.ToString());
        }

        var text = sb.ToString();
        foreach (var (from, to) in Digraphs)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        // Doubled letters are written single as often as double.
        sb.Clear();
        foreach (var ch in text)
        {
            if (sb.Length == 0 || sb[^1] != ch)
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }
}
