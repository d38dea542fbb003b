using System.Globalization;
using System.Text;

namespace Linkage.Recognise;

/// <summary>
/// Folds text for dictionary look-up: lowercase (invariant), accents removed, Turkish dotless ı and German ß
/// spelt out, punctuation and underscores turned into spaces, spaces collapsed. Culture-invariant by design,
/// so <c>I</c> and <c>ı</c> fold the same under tr-TR as under en-US.
/// </summary>
public static class TextFold
{
    /// <summary>Returns the folded form of <paramref name="text"/>; empty for null or blank.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        // A lone surrogate (or U+FFFE/U+FFFF) cannot be normalised; it is no letter of any label, so it folds like punctuation.
        var decomposed = HasUnnormalisable(text) ? ReplaceUnnormalisable(text).Normalize(NormalizationForm.FormKD) : text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                switch (ch)
                {
                    case 'ı': sb.Append('i'); break;
                    case 'ß' or 'ẞ': sb.Append("ss"); break;
                    case 'ø' or 'Ø': sb.Append('o'); break;
                    case 'đ' or 'Đ': sb.Append('d'); break;
                    case 'ł' or 'Ł': sb.Append('l'); break;
                    case 'æ' or 'Æ': sb.Append("ae"); break;
                    case 'œ' or 'Œ': sb.Append("oe"); break;
                    default: sb.Append(char.ToLowerInvariant(ch)); break;
                }
            }
            else
            {
                // Punctuation, symbols, underscores and whitespace all separate words the same way.
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }

    private static bool HasUnnormalisable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]) || text[i] is '\uFFFE' or '\uFFFF')
            {
                return true;
            }
        }

        return false;
    }

    private static string ReplaceUnnormalisable(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]) || chars[i] is '\uFFFE' or '\uFFFF')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}
