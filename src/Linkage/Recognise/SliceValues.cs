using System.Globalization;
using System.Text.RegularExpressions;

using Linkage.Model;
using Linkage.Recognise.Concepts;

namespace Linkage.Recognise;

/// <summary>What one value of a breakdown column (sex, age, form, indicator…) says about its row.</summary>
internal enum SliceKind
{
    /// <summary>The total over the breakdown (<c>Total</c>, <c>_T</c>, <c>BOTHSEX</c>, <c>ALLAGE</c>): the row the pipeline uses.</summary>
    Total,

    /// <summary>One part of the breakdown (<c>Female</c>, <c>Forced labour</c>): set aside, never added up silently.</summary>
    Part,

    /// <summary>An age value that covers exactly the persons under 18: the row counts children.</summary>
    Children,

    /// <summary>An age value that covers adults only: set aside.</summary>
    Adults,

    /// <summary>An age band that is only part of the children or of everyone (<c>0--8</c>, <c>9--17</c>): set aside.</summary>
    AgeBand,

    /// <summary>The value says it is not known (<c>Unknown</c>, <c>-99</c>).</summary>
    NotKnown,

    /// <summary>The value could not be read: the row is rejected with a reason.</summary>
    Unrecognised,
}

/// <summary>One value's reading: its kind and, for messages, why.</summary>
internal readonly record struct SliceValue(SliceKind Kind, string Why);

/// <summary>
/// Reads the values of breakdown columns by meaning: the total of a breakdown, one of its parts, an age group that is
/// exactly the children (<c>0 to 17 years</c>, <c>&lt;18Y</c>, <c>Y_LT18</c>, <c>under 18</c>, <c>Minor</c>), adults
/// (<c>18 years or over</c>, <c>Y_GE18</c>), or an unknown. The same words in the six languages as headers, through
/// the concept lexicon.
/// </summary>
internal static partial class SliceValues
{
    private static readonly HashSet<string> TotalCodes = new(StringComparer.Ordinal)
    {
        "_t", "t", "total", "totals", "all", "bothsex", "both sexes", "allage", "all ages", "_z", "z", "everyone", "tot",
    };

    private static readonly HashSet<string> NotKnownCodes = new(StringComparer.Ordinal)
    {
        "_u", "u", "unk", "unknown", "-99", "99", "00", "-1", "n/a", "na", "nk", "not known", "not stated", "x",
    };

    /// <summary>Reads a value, as written, of a column whose role is <paramref name="role"/>.</summary>
    public static SliceValue Read(ColumnRole role, string text) => role == ColumnRole.Age ? Age(text) : Breakdown(text);

    /// <summary>A value of a sex, form or other breakdown column: its total, an unknown, or one of its parts.</summary>
    public static SliceValue Breakdown(string text)
    {
        var folded = TextFold.Fold(text);
        if (folded.Length == 0)
        {
            return new(SliceKind.Unrecognised, "the value is empty");
        }

        if (TotalCodes.Contains(folded))
        {
            return new(SliceKind.Total, "the total");
        }

        if (NotKnownCodes.Contains(folded))
        {
            return new(SliceKind.NotKnown, "not known");
        }

        var r = ConceptLexicon.BuiltIn.Read(folded);
        if (r.Has(Concept.Total) || (r.Has(Concept.Both) && r.Has(Concept.Sex)))
        {
            return new(SliceKind.Total, $"{r.Describe()}: the total");
        }

        if (r.Has(Concept.Unknown) || (r.Has(Concept.Negation) && r.Has(Concept.Known)))
        {
            return new(SliceKind.NotKnown, $"{r.Describe()}: not known");
        }

        // Any other value is one part of the breakdown, whatever it names.
        return new(SliceKind.Part, "one part of the breakdown");
    }

    /// <summary>
    /// An age value: children when it covers exactly ages 0–17, adults when only 18 and over, everyone when it is the
    /// total; a band that covers part of either is set aside; anything else is not understood.
    /// </summary>
    public static SliceValue Age(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = TextFold.Fold(text);
        if (folded.Length == 0)
        {
            return new(SliceKind.Unrecognised, "the age is empty");
        }

        if (TotalCodes.Contains(folded))
        {
            return new(SliceKind.Total, "all ages");
        }

        if (NotKnownCodes.Contains(folded))
        {
            return new(SliceKind.NotKnown, "age not known");
        }

        // Symbols carry the meaning here ("<18", "18+", "0--8"), so the pattern reads the text before folding.
        var compact = Compact(text);
        if (Under().Match(compact) is { Success: true } under)
        {
            var limit = int.Parse(under.Groups["n"].Value, CultureInfo.InvariantCulture);
            return limit == 18 ? new(SliceKind.Children, "under 18") : new(SliceKind.AgeBand, $"under {limit}, not the children's total");
        }

        if (Over().Match(compact) is { Success: true } over)
        {
            var from = int.Parse(over.Groups["n"].Value, CultureInfo.InvariantCulture);
            return from >= 18 ? new(SliceKind.Adults, $"{from} and over") : new(SliceKind.AgeBand, $"{from} and over, not an adults' or children's total");
        }

        if (Band().Match(compact) is { Success: true } band)
        {
            var lo = int.Parse(band.Groups["lo"].Value, CultureInfo.InvariantCulture);
            var hi = int.Parse(band.Groups["hi"].Value, CultureInfo.InvariantCulture);
            if (lo == 0 && hi == 17)
            {
                return new(SliceKind.Children, "ages 0 to 17");
            }

            return lo >= 18 ? new(SliceKind.Adults, $"ages {lo} to {hi}") : new(SliceKind.AgeBand, $"ages {lo} to {hi}, part of a total");
        }

        var r = ConceptLexicon.BuiltIn.Read(folded);
        var child = r.Has(Concept.Child);
        var adult = r.Has(Concept.Adult);
        if (r.Has(Concept.Unknown) || (r.Has(Concept.Negation) && r.Has(Concept.Known)))
        {
            return new(SliceKind.NotKnown, $"{r.Describe()}: age not known");
        }

        if (r.Has(Concept.Total) || (child && adult))
        {
            return new(SliceKind.Total, $"{r.Describe()}: all ages");
        }

        if (child && r.Numbers.Count == 0)
        {
            return new(SliceKind.Children, $"{r.Describe()}: children");
        }

        if (adult && r.Numbers.Count == 0)
        {
            return new(SliceKind.Adults, $"{r.Describe()}: adults");
        }

        return new(SliceKind.Unrecognised, $"'{folded}' is not an age group the pipeline can read");
    }

    /// <summary>
    /// Whether one person of age value <paramref name="text"/> is a child: true for an age group inside 0–17 (<c>Minor</c>,
    /// <c>9--17</c>, <c>&lt;18</c>), false for one inside 18 and over (<c>Adult</c>, <c>18--20</c>), null when the value does
    /// not tell (unknown, all ages, a band across 18).
    /// </summary>
    public static bool? IsChild(string text)
    {
        var reading = Age(text);
        switch (reading.Kind)
        {
            case SliceKind.Children:
                return true;
            case SliceKind.Adults:
                return false;
            case SliceKind.AgeBand:
                break;
            default:
                return null;
        }

        return Band(text) is { } band ? band.Hi <= 17 ? true : band.Lo >= 18 ? false : null : null;
    }

    /// <summary>The ages an age value covers as a band: <c>0 to 8</c> is 0–8, <c>under 9</c> is 0–8, <c>15+</c> is 15–999; null when it names no band.</summary>
    public static (int Lo, int Hi)? Band(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compact = Compact(text);
        if (Under().Match(compact) is { Success: true } under)
        {
            return (0, int.Parse(under.Groups["n"].Value, CultureInfo.InvariantCulture) - 1);
        }

        if (Over().Match(compact) is { Success: true } over)
        {
            return (int.Parse(over.Groups["n"].Value, CultureInfo.InvariantCulture), 999);
        }

        if (Band().Match(compact) is { Success: true } band)
        {
            return (int.Parse(band.Groups["lo"].Value, CultureInfo.InvariantCulture), int.Parse(band.Groups["hi"].Value, CultureInfo.InvariantCulture));
        }

        return null;
    }

    /// <summary>The text lower-cased without spaces or underscores, as the age patterns read it.</summary>
    private static string Compact(string text) => string.Concat(text.ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && c != '_'));

    // "<18", "<18y", "y_lt18", "lt18", "under18", "under18years", "moins de 18 ans", "unter 18", "до 18", "menores de 18".
    [GeneratedRegex(@"^(?:<|y_?lt|lt|under|below|lessthan|moinsde|unter|до|menoresde|menosde|sotto(?:i)?|minoridi)(?<n>\d{1,3})(?:y|years?|yrs?|ans|jahre|jahren|anni|años|anos|лет)?(?:old)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Under();

    // "18+", "18years or over", "y_ge18", "ge18", "18 and over", "18 ans et plus", "18 und älter", "18 лет и старше".
    [GeneratedRegex(@"^(?:(?:y_?ge|ge|>=|over|from|aged)(?<n>\d{1,3})(?:y|years?)?|(?<n>\d{1,3})(?:\+|(?:y|years?|yrs?|ans|jahre|jahren|anni|años|anos|лет)?(?:orover|andover|orolder|andolder|etplus|ouplus|undalter|undälter|undmehr|eoltre|epiu|иstarshe|истарше|ystarshe|ymas|omas|yplus)))$", RegexOptions.CultureInvariant)]
    private static partial Regex Over();

    // "0 to 17 years", "0-17", "0--8", "y0-17", "y0t017", "9--17", "de 0 à 17 ans", "0 bis 17", "от 0 до 17".
    [GeneratedRegex(@"^(?:y|aged|ages|de|von|da|от|de)?(?<lo>\d{1,3})(?:-+|to|a|à|bis|al|до|t|–|y)(?<hi>\d{1,3})(?:y|years?|yrs?|ans|jahre|jahren|anni|años|anos|лет|yearsold)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Band();
}
