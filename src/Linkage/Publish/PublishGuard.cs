using Linkage.Analyse;
using Linkage.Model;
using Linkage.Protect;

namespace Linkage.Publish;

/// <summary>
/// The last check before anything is written under <c>publish/</c>: it reads the rows exactly as they will be
/// written and re-checks design.md guarantees 1–3 on them, independently of how the suppression was chosen.
/// </summary>
public static class PublishGuard
{
    /// <summary>Returns one sentence per breach; an empty list means the tables may be published.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<RegionalTrendRow> rows, IReadOnlyList<TrendRow> trends, int minCell)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(trends);
        var breaches = new List<string>();
        foreach (var r in rows.Where(r => r.IsCount && r.Value is { } v && v >= 1 && v < minCell))
        {
            breaches.Add(Describe(r, $"publishes the count {r.Value} below the threshold {minCell}"));
        }

        // Guarantee 3 and "derived values reveal nothing": a share or change is published only beside the counts it is
        // made of, and a share only with a denominator of at least k.
        var byCell = rows.ToDictionary(r => (r.Region, r.Year, r.Measure, r.Indicator));
        bool Published(RegionalTrendRow r, string indicator) =>
            byCell.TryGetValue((r.Region, r.Year, r.Measure, indicator), out var c) && !c.Withheld;
        var parts = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["completeness"] = ["total", "unknown"],
            ["trafficked_share"] = ["internal", "international", "total", "unknown"],
            ["international_share"] = ["internal", "international"],
        };
        long Count(RegionalTrendRow r, string indicator) => (long)(byCell[(r.Region, r.Year, r.Measure, indicator)].Value ?? 0);
        foreach (var r in rows.Where(r => r.Value is not null && parts.ContainsKey(r.Indicator)))
        {
            if (parts[r.Indicator].Any(p => !Published(r, p)))
            {
                breaches.Add(Describe(r, "publishes a share made of a suppressed count"));
                continue;
            }

            var denominator = r.Indicator switch
            {
                "completeness" => Count(r, "total"),
                "trafficked_share" => Count(r, "total") - Count(r, "unknown"),
                _ => Count(r, "internal") + Count(r, "international"),
            };
            if (denominator < minCell)
            {
                breaches.Add(Describe(r, $"publishes a share whose denominator {denominator} is below {minCell}"));
            }
        }

        foreach (var r in rows.Where(r => r.Value is not null && r.Indicator == "yoy_change"))
        {
            var previous = r with { Year = r.Year - 1 };
            if (!Published(r, "total") || !Published(previous, "total"))
            {
                breaches.Add(Describe(r, "publishes a change made of a suppressed total"));
            }
        }

        breaches.AddRange(AuditWrittenTables(rows));
        breaches.AddRange(CheckTrends(trends, byCell));
        return breaches;
    }

    /// <summary>
    /// A published all-reporters trend must stand on published counts only: every year of its series in its region.
    /// (A panel trend stands on State-level sums no table shows; <see cref="Protect.PanelAudit"/> decides those.)
    /// </summary>
    private static IEnumerable<string> CheckTrends(IReadOnlyList<TrendRow> trends, Dictionary<(string, int, Measure, string), RegionalTrendRow> byCell)
    {
        foreach (var t in trends.Where(t => t.Panel == "all" && !t.Withheld && (t.Apc is not null || t.MannKendall is not null || t.SenSlope is not null)))
        {
            var indicator = Aggregate.SeriesCodes.Of(t.Series);
            for (var year = t.FirstYear ?? 0; year <= (t.LastYear ?? -1); year++)
            {
                if (byCell.TryGetValue((t.Region, year, t.Measure, indicator), out var cell) && cell.Withheld)
                {
                    yield return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.Region} {Codes.Of(t.Measure)} {indicator} trend uses the withheld {year} count");
                }
            }
        }
    }

    /// <summary>Rebuilds each year-and-measure table from the rows as written and asks the audit whether any suppressed count can be computed.</summary>
    private static IEnumerable<string> AuditWrittenTables(IReadOnlyList<RegionalTrendRow> rows)
    {
        var counts = rows.Where(r => r.IsCount).ToList();
        foreach (var table in counts.GroupBy(r => (r.Year, r.Measure)))
        {
            var regions = table.Select(r => r.Region).Distinct(StringComparer.Ordinal).Order(Aggregate.Aggregator.RegionOrder).ToList();
            var suppressed = new bool[regions.Count * 5];
            foreach (var r in table.Where(r => r.Withheld))
            {
                suppressed[RegionalProtection.Cell(regions.IndexOf(r.Region), (TableColumn)Array.IndexOf(RegionalTrends.CountIndicators, r.Indicator))] = true;
            }

            var relations = RegionalProtection.Relations(regions.Count, regions.Count > 0 && regions[^1] == Aggregate.Aggregator.Osce);
            foreach (var cell in DisclosureAudit.DeterminedCells(relations, suppressed))
            {
                yield return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{regions[cell / 5]} {table.Key.Year} {Codes.Of(table.Key.Measure)} {RegionalTrends.CountIndicators[cell % 5]}: a suppressed count can be computed from the published counts");
            }
        }
    }

    private static string Describe(RegionalTrendRow r, string what) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.Region} {r.Year} {Codes.Of(r.Measure)} {r.Indicator} {what}");
}
