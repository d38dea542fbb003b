using System.Globalization;
using System.Text.RegularExpressions;

using Linkage.Analyse;
using Linkage.Localisation;
using Linkage.Pipeline;
using Linkage.Report;

using static Linkage.Tests.Aggregate.StatsKit;

namespace Linkage.Tests.Report;

/// <summary>
/// A table whose suppression hides large, distinctive numbers, and a search for them in any form a report may write
/// a number: the annex and the report tests share it so that both look for leaks the same way.
/// </summary>
internal static class WithheldKit
{
    /// <summary>
    /// Poland's internal 4 (Eastern Europe) is suppressed, and with it complements whose true values are distinctive
    /// four-digit numbers.
    /// </summary>
    public static readonly StatisticsResult Stats = StatisticsRunner.Run(Obs("""
        FRA 2019 internal 1210
        FRA 2019 international 1320
        FRA 2019 not_trafficked 1430
        FRA 2019 unknown 1540
        DEU 2019 internal 2110
        DEU 2019 international 2220
        DEU 2019 not_trafficked 2330
        DEU 2019 unknown 2440
        ITA 2019 internal 3110
        ITA 2019 international 3220
        ITA 2019 not_trafficked 3330
        ITA 2019 unknown 3440
        POL 2019 internal 4
        POL 2019 international 1234
        POL 2019 not_trafficked 1345
        POL 2019 unknown 1456
        """), DefaultRegions, StatisticsOptions.Default);

    /// <summary>The true values of the withheld counts of <see cref="Stats"/> that are 10 or more (small ones would match anything).</summary>
    public static IReadOnlyList<long> HiddenValues()
    {
        var withheld = Stats.Regional.Where(r => r.Withheld && r.IsCount).ToList();
        Assert.IsGreaterThanOrEqualTo(3, withheld.Count, "the small count and at least one complement in its row and in its column");
        var values = withheld
            .Select(row =>
            {
                var figures = Stats.Aggregate.Regions.Single(r => r.Region == row.Region && r.Year == row.Year && r.Measure == row.Measure).Figures;
                var index = Array.IndexOf(RegionalTrends.CountIndicators, row.Indicator);
                return (long)(index < 4 ? figures.Categories[index] : figures.Total).Value!.Value;
            })
            .Where(v => v >= 10)
            .Distinct()
            .ToList();
        Assert.IsGreaterThanOrEqualTo(2, values.Count, "complements with large true values are withheld");
        return values;
    }

    /// <summary>
    /// Matches <paramref name="value"/> as <paramref name="language"/> groups it (<c>1 234</c>), as English does
    /// (<c>1,234</c>) and ungrouped, but not as part of a longer number.
    /// </summary>
    public static Regex Shown(long value, Language language)
    {
        var forms = new[] { TextCatalogue.For(language).Numbers.Count(value), ReportText.Count(value), value.ToString(CultureInfo.InvariantCulture) }
            .Distinct()
            .Select(f => $@"(?<![\d,.\u00A0]){Regex.Escape(f)}(?![\d,.\u00A0])");
        return new Regex(string.Join("|", forms));
    }
}
