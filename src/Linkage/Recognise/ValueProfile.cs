using System.Globalization;
using System.Text.RegularExpressions;

using Linkage.Model;

namespace Linkage.Recognise;

/// <summary>What the first rows of a file say about one column: how many of its values are of each kind.</summary>
internal sealed class ColumnProfile
{
    /// <summary>Distinct values remembered, at most this many.</summary>
    public const int MaxDistinct = 64;

    /// <summary>Values that are not empty.</summary>
    public int Values { get; set; }

    /// <summary>Non-negative integers (grouped or not) and withheld markers (<c>&lt;5</c>, <c>c</c>).</summary>
    public int Counts { get; set; }

    /// <summary>Counts grouped with a comma whose groups are not all zeros (<c>1,757</c>): the comma groups thousands here.</summary>
    public int CommaGrouped { get; set; }

    /// <summary>Years and periods (<c>2019</c>, <c>2019-Q1</c>, <c>2019-03</c>).</summary>
    public int Years { get; set; }

    /// <summary>Calendar dates (<c>03.04.2019</c>, <c>2019-04-03</c>).</summary>
    public int Dates { get; set; }

    /// <summary>OSCE participating States (codes or names).</summary>
    public int States { get; set; }

    /// <summary>Other countries (codes or names).</summary>
    public int OtherCountries { get; set; }

    /// <summary>UN M49 numeric codes of a country.</summary>
    public int M49 { get; set; }

    /// <summary>Linkage labels (internal, international…, total).</summary>
    public int LinkageLabels { get; set; }

    /// <summary>Measure labels (children, investigations, victims).</summary>
    public int MeasureLabels { get; set; }

    /// <summary>Age groups that decide a measure (children, adults, all ages).</summary>
    public int AgeGroups { get; set; }

    /// <summary>Short codes of at most three letters.</summary>
    public int ShortCodes { get; set; }

    /// <summary>Distinct values (up to <see cref="MaxDistinct"/>), as written.</summary>
    public HashSet<string> Distinct { get; } = new(StringComparer.Ordinal);

    /// <summary>Distinct countries that are not OSCE States.</summary>
    public HashSet<string> DistinctOutside { get; } = new(StringComparer.Ordinal);

    /// <summary>True when (nearly) all values are of a kind: at least 90 %, and at least one.</summary>
    public bool Mostly(int kind) => Values > 0 && kind * 10 >= Values * 9;

    /// <summary>"47/47 values are linkage labels".</summary>
    public string Share(int kind, string what) => string.Create(CultureInfo.InvariantCulture, $"{kind}/{Values} values are {what}");
}

/// <summary>A role the values of a column point to, and the evidence in words.</summary>
/// <param name="Role">The role the values point to.</param>
/// <param name="Evidence">E.g. <c>47/47 values are linkage labels</c>.</param>
/// <param name="Codes">For a State column, the code system its values use (<c>m49</c>), else null.</param>
internal sealed record ValueEvidence(ColumnRole Role, string Evidence, string? Codes = null);

/// <summary>Profiles the values of each column in the first rows of a file, so that values can confirm or decide roles.</summary>
internal static partial class ValueProfiler
{
    /// <summary>Rows looked at before roles are assigned.</summary>
    public const int SampleRows = 1000;

    /// <summary>Profiles each column of <paramref name="sample"/>.</summary>
    public static ColumnProfile[] Profile(int columns, IReadOnlyList<string[]> sample, Vocabulary vocabulary, Geography geography)
    {
        var profiles = Enumerable.Range(0, columns).Select(_ => new ColumnProfile()).ToArray();
        var memo = new Dictionary<string, Kinds>(StringComparer.Ordinal);
        foreach (var row in sample)
        {
            for (var i = 0; i < columns && i < row.Length; i++)
            {
                var text = row[i].Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                var p = profiles[i];
                p.Values++;
                if (p.Distinct.Count < ColumnProfile.MaxDistinct)
                {
                    p.Distinct.Add(text);
                }

                if (!memo.TryGetValue(text, out var k))
                {
                    k = Classify(text, vocabulary, geography);
                    if (memo.Count < 4096)
                    {
                        memo[text] = k;
                    }
                }

                p.Counts += k.HasFlag(Kinds.Count) ? 1 : 0;
                p.CommaGrouped += k.HasFlag(Kinds.CommaGrouped) ? 1 : 0;
                p.Years += k.HasFlag(Kinds.Year) ? 1 : 0;
                p.Dates += k.HasFlag(Kinds.Date) ? 1 : 0;
                p.States += k.HasFlag(Kinds.State) ? 1 : 0;
                p.OtherCountries += k.HasFlag(Kinds.OtherCountry) ? 1 : 0;
                p.M49 += k.HasFlag(Kinds.M49) ? 1 : 0;
                p.LinkageLabels += k.HasFlag(Kinds.Linkage) ? 1 : 0;
                p.MeasureLabels += k.HasFlag(Kinds.Measure) ? 1 : 0;
                p.AgeGroups += k.HasFlag(Kinds.Age) ? 1 : 0;
                p.ShortCodes += k.HasFlag(Kinds.ShortCode) ? 1 : 0;
                if (k.HasFlag(Kinds.OtherCountry) && p.DistinctOutside.Count < ColumnProfile.MaxDistinct)
                {
                    p.DistinctOutside.Add(text);
                }
            }
        }

        return profiles;
    }

    /// <summary>
    /// The role the values point to, if they point to one. Small numbers are M49 codes only where the header already
    /// names a place (<c>geo_area</c>, <c>GeoAreaCode</c>): elsewhere they are counts.
    /// </summary>
    public static ValueEvidence? Evidence(ColumnProfile p, ColumnRole headerRole)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Values == 0)
        {
            return null;
        }

        // Labels are the most specific evidence; numbers the least (a year is also an integer).
        if (p.Mostly(p.LinkageLabels) && p.Distinct.Count >= 2)
        {
            return new(ColumnRole.Linkage, p.Share(p.LinkageLabels, "linkage labels"));
        }

        if (p.Mostly(p.MeasureLabels))
        {
            return new(ColumnRole.Measure, p.Share(p.MeasureLabels, "measure labels"));
        }

        if (p.Mostly(p.States + p.OtherCountries) && p.States > 0)
        {
            return new(ColumnRole.State, p.Share(p.States + p.OtherCountries, "countries") + string.Create(CultureInfo.InvariantCulture, $" ({p.States} OSCE participating States)"));
        }

        // World-wide files mix countries with M49 areas (1 World, 150 Europe): most, not all, values are country codes.
        if (headerRole is ColumnRole.State or ColumnRole.Area or ColumnRole.Region && p.Mostly(p.Counts) && p.M49 * 10 >= p.Values * 6 && p.Distinct.Count >= 2)
        {
            return new(ColumnRole.State, p.Share(p.M49, "UN M49 country codes"), "m49");
        }

        if (p.Mostly(p.Dates) && p.Dates > p.Years)
        {
            return new(ColumnRole.Date, p.Share(p.Dates, "dates"));
        }

        if (p.Mostly(p.Years))
        {
            return new(ColumnRole.Period, p.Share(p.Years, "years or periods"));
        }

        if (p.Mostly(p.Counts))
        {
            return new(ColumnRole.Count, p.Share(p.Counts, "counts"));
        }

        if (p.Mostly(p.AgeGroups))
        {
            return new(ColumnRole.Age, p.Share(p.AgeGroups, "age groups"));
        }

        return null;
    }

    [Flags]
    private enum Kinds
    {
        None = 0,
        Count = 1,
        CommaGrouped = 2,
        Year = 4,
        Date = 8,
        State = 16,
        OtherCountry = 32,
        M49 = 64,
        Linkage = 128,
        Measure = 256,
        Age = 512,
        ShortCode = 1024,
    }

    private static Kinds Classify(string text, Vocabulary vocabulary, Geography geography)
    {
        var k = Kinds.None;
        var lower = text.ToLowerInvariant();
        if (Integer().IsMatch(text) || Withheld().IsMatch(text) || vocabulary.Confidential.Contains(lower) || vocabulary.Missing.Contains(lower))
        {
            k |= Kinds.Count;
        }

        if (CommaGroups().Match(text) is { Success: true } g && g.Groups["g"].Captures.Any(c => c.Value != "000"))
        {
            k |= Kinds.CommaGrouped | Kinds.Count;
        }

        if (YearLike().IsMatch(text))
        {
            k |= Kinds.Year;
        }

        if (DateLike().IsMatch(text))
        {
            k |= Kinds.Date;
        }

        if (text.Length <= 3 && text.All(char.IsAsciiLetter))
        {
            k |= Kinds.ShortCode;
        }

        if (text.All(char.IsAsciiDigit) && text.Length <= 3 && geography.FindByM49(text) is not null)
        {
            k |= Kinds.M49;
        }

        var folded = TextFold.Fold(text);
        if (folded.Length == 0)
        {
            return k;
        }

        if (!text.All(char.IsAsciiDigit))
        {
            if (geography.FindStateFolded(folded) is not null)
            {
                k |= Kinds.State;
            }
            else if (geography.FindCountryFolded(folded) is not null)
            {
                k |= Kinds.OtherCountry;
            }

            if (vocabulary.TryLinkage(folded, out _))
            {
                k |= Kinds.Linkage;
            }

            if (vocabulary.TryMeasure(folded, out _))
            {
                k |= Kinds.Measure;
            }

            if (SliceValues.Age(text).Kind is SliceKind.Children or SliceKind.Adults or SliceKind.AgeBand)
            {
                k |= Kinds.Age;
            }
        }

        return k;
    }

    [GeneratedRegex(@"^\d{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    [GeneratedRegex(@"^\d{1,3}(?:,(?<g>\d{3}))+$", RegexOptions.CultureInvariant)]
    private static partial Regex CommaGroups();

    [GeneratedRegex(@"^<\s*\d{1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Withheld();

    [GeneratedRegex(@"^(?:19|20)\d\d(?:\s*-?\s*(?:Q[1-4]|S[12]|M?\d\d))?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex YearLike();

    [GeneratedRegex(@"^(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)(?:[ T]\d\d:\d\d(?::\d\d)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();
}
