using System.Globalization;

using Linkage.Recognise;

namespace Linkage.Normalise;

/// <summary>
/// Parses count cells: non-negative integers, thousands separators only where the integer reading is the only
/// one (<c>1 234</c>, <c>1,234,567</c>, <c>1.234</c>; not <c>1.000</c>, which could be one), missing and
/// confidential markers, and footnote flags attached to the value (<c>12 p</c>, <c>12e</c>, <c>12 (p)</c>).
/// </summary>
public static class CountParser
{
    /// <summary>Largest count accepted; more is a typing error, not a number of children.</summary>
    public const long MaxCount = 1_000_000_000;

    private static readonly char[] SpaceSeparators = [' ', '\u00A0', '\u202F', '\u2009', '\''];

    /// <summary>Parses a cell; on failure <paramref name="error"/> is the reason (what was expected).</summary>
    public static bool TryParse(string raw, Vocabulary vocabulary, out CellValue value, out string? error)
    {
        value = default;
        error = null;
        var text = raw.Trim();
        var lower = text.ToLowerInvariant();
        if (vocabulary.Missing.Contains(lower))
        {
            value = new CellValue(null, "m");
            return true;
        }

        if (vocabulary.Confidential.Contains(lower))
        {
            value = new CellValue(null, "c");
            return true;
        }

        // "<5", "< 3": withheld at source below that bound (UNODC publishes counts under 5 so).
        if (WithheldBelow(text) is { } bound)
        {
            value = new CellValue(null, "c") { Below = bound };
            return true;
        }

        // Footnote flags attached at the end: "12 p", "12e", "12 (p)", "12 ep".
        var flag = string.Empty;
        var end = text.Length;
        var core = text;
        var i = end - 1;
        while (i >= 0 && (char.IsAsciiLetter(text[i]) || text[i] is '(' or ')' or ' '))
        {
            i--;
        }

        if (i < end - 1 && i >= 0)
        {
            var suffix = text[(i + 1)..].Replace("(", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            if (suffix.Length > 0 && suffix.All(ch => CellValue.FlagOrder.Contains(ch, StringComparison.Ordinal)) && char.IsAsciiDigit(text[i]))
            {
                flag = new string([.. CellValue.FlagOrder.Where(ch => suffix.Contains(ch, StringComparison.Ordinal))]);
                core = text[..(i + 1)].TrimEnd();
            }
        }

        if (core.StartsWith('-') || core.StartsWith('\u2212'))
        {
            error = "a non-negative count (negative counts are not possible)";
            return false;
        }

        if (!TryParseInteger(core, out var number, out error))
        {
            return false;
        }

        if (number > MaxCount)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"a count of at most {MaxCount}");
            return false;
        }

        value = new CellValue(number, flag);
        return true;
    }

    /// <summary>The bound of a value withheld at source below it (<c>&lt;5</c> gives 5); null for any other text.</summary>
    public static long? WithheldBelow(string text)
    {
        var t = text.Trim();
        if (t.Length < 2 || t[0] != '<')
        {
            return null;
        }

        var digits = t[1..].Trim();
        return digits.Length is > 0 and <= 6 && digits.All(char.IsAsciiDigit) && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var bound) && bound > 0
            ? bound
            : null;
    }

    /// <summary>
    /// Parses <c>17,000</c>-style values in a column whose other values settle that ',' groups thousands: only the
    /// strict form (1–3 digits, then groups of three) is taken so; anything else is parsed as any count.
    /// </summary>
    public static bool TryParseWithCommaGroups(string raw, Vocabulary vocabulary, out CellValue value, out string? error)
    {
        var t = raw.Trim();
        var groups = t.Split(',');
        if (groups.Length >= 2 && ValidGroups(groups))
        {
            value = default;
            if (!Parse(string.Concat(groups), out var n, out error))
            {
                return false;
            }

            if (n > MaxCount)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"a count of at most {MaxCount}");
                return false;
            }

            value = new CellValue(n, string.Empty);
            return true;
        }

        return TryParse(raw, vocabulary, out value, out error);
    }

    private static bool TryParseInteger(string text, out long number, out string? error)
    {
        number = 0;
        error = null;
        if (text.Length == 0)
        {
            error = "a count";
            return false;
        }

        if (text.All(char.IsAsciiDigit))
        {
            return Parse(text, out number, out error);
        }

        // Space-like group separators can only be thousands marks.
        if (text.IndexOfAny(SpaceSeparators) >= 0)
        {
            var groups = text.Split(SpaceSeparators);
            if (ValidGroups(groups))
            {
                return Parse(string.Concat(groups), out number, out error);
            }

            error = "a whole number (groups of three digits between thousands separators)";
            return false;
        }

        var dots = text.Count(c => c == '.');
        var commas = text.Count(c => c == ',');
        if (!text.All(c => char.IsAsciiDigit(c) || c is '.' or ','))
        {
            error = "a count written with digits (and optional thousands separators)";
            return false;
        }

        if (dots > 0 && commas > 0)
        {
            // "1,234.00" or "1.234,00": the last mark is a decimal mark and must be followed by zeros only.
            var last = Math.Max(text.LastIndexOf('.'), text.LastIndexOf(','));
            var fraction = text[(last + 1)..];
            var whole = text[..last];
            var sep = text[last] == '.' ? ',' : '.';
            if (fraction.Length > 0 && fraction.All(c => c == '0') && !whole.Contains(text[last], StringComparison.Ordinal) && ValidGroups(whole.Split(sep)))
            {
                return Parse(whole.Replace(sep.ToString(), string.Empty, StringComparison.Ordinal), out number, out error);
            }

            error = "a whole number (mixed '.' and ',' marks do not give one)";
            return false;
        }

        var mark = dots > 0 ? '.' : ',';
        var parts = text.Split(mark);
        if (parts.Length > 2)
        {
            if (ValidGroups(parts))
            {
                return Parse(string.Concat(parts), out number, out error);
            }

            error = "a whole number (groups of three digits between thousands separators)";
            return false;
        }

        var (intPart, fracPart) = (parts[0], parts[1]);
        if (intPart.Length == 0 || fracPart.Length == 0)
        {
            error = "a whole number";
            return false;
        }

        if (fracPart.Length == 3 && intPart.Length <= 3)
        {
            if (fracPart == "000")
            {
                error = $"a count without a separator ('{text}' could be {intPart} or {intPart}000; write the number without '{mark}')";
                return false;
            }

            return Parse(intPart + fracPart, out number, out error);
        }

        if (fracPart.All(c => c == '0'))
        {
            return Parse(intPart, out number, out error);
        }

        error = "a whole number (a count cannot have a fraction)";
        return false;
    }

    private static bool ValidGroups(string[] groups) =>
        groups.Length >= 2
        && groups[0].Length is >= 1 and <= 3
        && groups.All(g => g.Length > 0 && g.All(char.IsAsciiDigit))
        && groups.Skip(1).All(g => g.Length == 3);

    private static bool Parse(string digits, out long number, out string? error)
    {
        if (digits.Length > 15 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            number = 0;
            error = string.Create(CultureInfo.InvariantCulture, $"a count of at most {MaxCount}");
            return false;
        }

        error = null;
        return true;
    }
}
