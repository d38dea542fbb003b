using System.Text;

using Linkage.Recognise;

namespace Linkage.Suggest;

/// <summary>
/// The text the suggestion model sees: <see cref="TextFold.Fold"/>, then look-alike letters of the other script
/// replaced word by word. A Russian word typed with a Latin <c>e</c> or <c>o</c> (a keyboard left in the wrong layout,
/// text pasted from a PDF) becomes all Cyrillic, and a Latin word with a Cyrillic <c>а</c> all Latin; otherwise its
/// character n-grams would match nothing. Only for suggestions: the exact matching of <see cref="Vocabulary"/> is unchanged.
/// </summary>
internal static class SuggestFold
{
    // Pairs that look the same in common fonts in upper or lower case (TextFold has lower-cased the text).
    private const string Latin = "aceopxykmtbh";
    private const string Cyrillic = "асеорхукмтвн";

    /// <summary>Folds <paramref name="text"/> for the model.</summary>
    public static string Fold(string? text)
    {
        var folded = TextFold.Fold(text);
        if (folded.Length == 0)
        {
            return folded;
        }

        var words = folded.Split(' ');
        var sb = new StringBuilder(folded.Length);
        foreach (var word in words)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            var (latin, cyrillic) = (0, 0);
            foreach (var ch in word)
            {
                if (ch is >= 'a' and <= 'z')
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
                sb.Append(word);
                continue;
            }

            // The script with more letters wins; on a tie Cyrillic, since Latin letters in a Russian word are the usual slip.
            var (from, to) = cyrillic >= latin ? (Latin, Cyrillic) : (Cyrillic, Latin);
            foreach (var ch in word)
            {
                var i = from.IndexOf(ch, StringComparison.Ordinal);
                sb.Append(i >= 0 ? to[i] : ch);
            }
        }

        return sb.ToString();
    }
}
