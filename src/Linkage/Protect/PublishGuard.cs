using System.Globalization;

using Linkage.Model;

namespace Linkage.Protect;

/// <summary>One value of <c>publish/regional-trends.csv</c> as the guard reads it: where it is, and what is written.</summary>
/// <param name="Region">Region name or <c>OSCE</c>.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Measure">Children or investigations.</param>
/// <param name="Indicator">A count code (<see cref="RegionalProtection.ColumnCodes"/>) or a derived indicator.</param>
/// <param name="Value">The value written; null when empty.</param>
/// <param name="Withheld">True when disclosure control withheld it.</param>
public sealed record PublishedCell(string Region, int Year, Measure Measure, string Indicator, double? Value, bool Withheld)
{
    /// <summary>True for the five count indicators.</summary>
    public bool IsCount => RegionalProtection.ColumnCodes.Contains(Indicator, StringComparer.Ordinal);
}

/// <summary>One row of <c>publish/trend-summary.csv</c> as the guard reads it.</summary>
/// <param name="Region">Region name or <c>OSCE</c>.</param>
/// <param name="Measure">Children or investigations.</param>
/// <param name="Indicator">The count code of the trend's series.</param>
/// <param name="Panel"><c>all</c> or <c>consistent</c>.</param>
/// <param name="FirstYear">First year of the series used.</param>
/// <param name="LastYear">Last year of the series used.</param>
/// <param name="HasEstimate">True when an APC, a Mann–Kendall test or a Sen's slope is written.</param>
/// <param name="Withheld">True when disclosure control withheld the trend.</param>
public sealed record PublishedTrend(string Region, Measure Measure, string Indicator, string Panel, int? FirstYear, int? LastYear, bool HasEstimate, bool Withheld);

/// <summary>What the guard found wrong with a table about to be written: where, and what it would give away.</summary>
/// <param name="Where">The cell or trend, e.g. <c>Western Europe 2014 children internal</c>.</param>
/// <param name="Finding">What it publishes that it must not, e.g. <c>publishes the count 3 below the threshold 5</c>.</param>
public sealed record DisclosureBreach(string Where, string Finding)
{
    /// <summary>One sentence for the log and the manifest.</summary>
    public string Message => Finding.StartsWith(':') ? Where + Finding : Where + " " + Finding;

    /// <inheritdoc/>
    public override string ToString() => Message;
}

/// <summary>
/// The last check before anything is written under <c>publish/</c>: it reads the rows exactly as they will be
/// written and re-checks design.md guarantees 1–3 on them, independently of how the suppression was chosen.
/// </summary>
public static class PublishGuard
{
    /// <summary>Returns one breach per value that must not be written; an empty list means the tables may be published.</summary>
    public static IReadOnlyList<DisclosureBreach> Check(IReadOnlyList<PublishedCell> rows, IReadOnlyList<PublishedTrend> trends, int minCell)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(trends);
        var breaches = new List<DisclosureBreach>();
        foreach (var r in rows.Where(r => r.IsCount && r.Value is { } v && v >= 1 && v < minCell))
        {
            breaches.Add(Describe(r, $"publishes the count {r.Value} below the threshold {minCell}"));
        }

        // Guarantee 3 and "derived values reveal nothing": a share or change is published only beside the counts it is
        // made of, and a share only with a denominator of at least k.
        var byCell = rows.ToDictionary(r => (r.Region, r.Year, r.Measure, r.Indicator));
        bool Published(PublishedCell r, string indicator) =>
            byCell.TryGetValue((r.Region, r.Year, r.Measure, indicator), out var c) && !c.Withheld;
        var parts = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["completeness"] = ["total", "unknown"],
            ["trafficked_share"] = ["internal", "international", "total", "unknown"],
            ["international_share"] = ["internal", "international"],
        };
        long Count(PublishedCell r, string indicator) => (long)(byCell[(r.Region, r.Year, r.Measure, indicator)].Value ?? 0);
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
    /// Re-checks the heat map's State-year cells against the State totals they were binned from, independently of
    /// <see cref="StateCompleteness"/>: a class is shown only for a total of at least <see cref="StateCompleteness.MinTotal"/>,
    /// it is one of the five 20 % classes, and "no cases" only stands for a total of 0.
    /// </summary>
    public static IReadOnlyList<DisclosureBreach> CheckStates(IReadOnlyList<StateCompletenessCell> cells, IReadOnlyList<Aggregate.StateYear> states, int minCell)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(states);
        var totals = states.Where(s => s.Figures.HasNumbers)
            .GroupBy(s => (s.State, s.Year, s.Measure))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Figures.Total.Value ?? 0));
        var breaches = new List<DisclosureBreach>();
        foreach (var c in cells)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{c.State} {c.Year} {Codes.Of(c.Measure)} completeness class");
            var total = totals.GetValueOrDefault((c.State, c.Year, c.Measure));
            if (c.Kind == StateCellKind.Share && total < StateCompleteness.MinTotal(minCell))
            {
                breaches.Add(new DisclosureBreach(where, string.Create(CultureInfo.InvariantCulture, $"is shown for a total of {total}, below {StateCompleteness.MinTotal(minCell)}")));
            }
            else if (c.Kind == StateCellKind.Share && c.ShareClass is not (0.0 or 0.2 or 0.4 or 0.6 or 0.8))
            {
                breaches.Add(new DisclosureBreach(where, string.Create(CultureInfo.InvariantCulture, $"is {c.ShareClass}, not one of the 20 % classes")));
            }
            else if (c.Kind != StateCellKind.Share && c.ShareClass is not null)
            {
                breaches.Add(new DisclosureBreach(where, "carries a share although the cell shows none"));
            }
            else if (c.Kind == StateCellKind.NoCases && total != 0)
            {
                breaches.Add(new DisclosureBreach(where, string.Create(CultureInfo.InvariantCulture, $"says no cases for a total of {total}")));
            }
        }

        return breaches;
    }

    /// <summary>
    /// A published all-reporters trend must stand on published counts only: every year of its series in its region.
    /// (A panel trend stands on State-level sums no table shows; <see cref="Protect.PanelAudit"/> decides those.)
    /// </summary>
    private static IEnumerable<DisclosureBreach> CheckTrends(IReadOnlyList<PublishedTrend> trends, Dictionary<(string, int, Measure, string), PublishedCell> byCell)
    {
        foreach (var t in trends.Where(t => t.Panel == "all" && !t.Withheld && t.HasEstimate))
        {
            var indicator = t.Indicator;
            for (var year = t.FirstYear ?? 0; year <= (t.LastYear ?? -1); year++)
            {
                if (byCell.TryGetValue((t.Region, year, t.Measure, indicator), out var cell) && cell.Withheld)
                {
                    yield return new DisclosureBreach($"{t.Region} {Codes.Of(t.Measure)} {indicator}", string.Create(CultureInfo.InvariantCulture, $"trend uses the withheld {year} count"));
                }
            }
        }
    }

    /// <summary>Rebuilds each year-and-measure table from the rows as written and asks the audit whether any suppressed count can be computed.</summary>
    private static IEnumerable<DisclosureBreach> AuditWrittenTables(IReadOnlyList<PublishedCell> rows)
    {
        foreach (var table in WrittenTables(rows))
        {
            foreach (var cell in DisclosureAudit.DeterminedCells(table.Relations, [.. table.Cells.Select(c => c?.Withheld ?? false)]))
            {
                yield return new DisclosureBreach(table.Where(cell), ": a suppressed count can be computed from the published counts");
            }
        }
    }

    /// <summary>
    /// The year-and-measure tables rebuilt from the count rows as written: regions in table order (OSCE last), each
    /// cell's written row at <see cref="RegionalProtection.Cell"/> (null where none was written), and the relations.
    /// </summary>
    private static IEnumerable<WrittenTable> WrittenTables(IReadOnlyList<PublishedCell> rows)
    {
        foreach (var table in rows.Where(r => r.IsCount).GroupBy(r => (r.Year, r.Measure)))
        {
            var regions = table.Select(r => r.Region).Distinct(StringComparer.Ordinal).Order(Aggregate.Aggregator.RegionOrder).ToList();
            var cells = new PublishedCell?[regions.Count * 5];
            foreach (var r in table)
            {
                cells[RegionalProtection.Cell(regions.IndexOf(r.Region), (TableColumn)Array.IndexOf(RegionalProtection.ColumnCodes, r.Indicator))] = r;
            }

            var relations = RegionalProtection.Relations(regions.Count, regions.Count > 0 && regions[^1] == Aggregate.Aggregator.Osce);
            yield return new WrittenTable(table.Key.Year, table.Key.Measure, regions, cells, relations);
        }
    }

    /// <summary>
    /// The linear attack on the tables as written (issue 18): each year-and-measure table is rebuilt from the written
    /// rows (published values as written, withheld cells unknown), and every withheld count whose true value
    /// (from <paramref name="protection"/>) is 1 … k−1 must keep a feasible interval reaching its value ± <paramref name="level"/>
    /// (or 0). Independent of how the pattern was chosen: only the written rows and the true small counts are used.
    /// </summary>
    public static IReadOnlyList<DisclosureBreach> CheckIntervals(IReadOnlyList<PublishedCell> rows, RegionalProtectionResult protection, int level)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(protection);
        var truth = new Dictionary<(int, Measure, string, int), long?>();
        foreach (var t in protection.Tables)
        {
            for (var i = 0; i < t.Table.Values.Count; i++)
            {
                truth[(t.Year, t.Measure, t.Rows[i / 5].Region, i % 5)] = t.Table.Values[i];
            }
        }

        var breaches = new List<DisclosureBreach>();
        foreach (var table in WrittenTables(rows))
        {
            var withheld = table.Cells.Select(c => c?.Withheld ?? false).ToArray();
            long? Value(int cell) => table.Cells[cell] is not { } r ? null
                : r.Withheld ? truth.GetValueOrDefault((table.Year, table.Measure, r.Region, cell % 5))
                : r.Value is { } v ? (long)Math.Round(v) : null;
            var values = Enumerable.Range(0, withheld.Length).Select(Value).ToArray();
            var small = Enumerable.Range(0, withheld.Length).Where(c => withheld[c] && values[c] >= 1 && values[c] < protection.MinCell).ToList();
            var intervals = ProtectionIntervals.Compute(new LinearTable(values, table.Relations), withheld, small);
            foreach (var cell in small.Where(c => !intervals[c].Protects(values[c]!.Value, level)))
            {
                var interval = intervals[cell];
                breaches.Add(new DisclosureBreach(
                    table.Where(cell),
                    string.Create(CultureInfo.InvariantCulture, $": a withheld small count is narrowed by the published counts to {interval.Lower} … {interval.Upper}, less than ± {level} around it")));
            }
        }

        return breaches;
    }

    private static DisclosureBreach Describe(PublishedCell r, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{r.Region} {r.Year} {Codes.Of(r.Measure)} {r.Indicator}"), what);
}

/// <summary>One year-and-measure table as the guard rebuilds it from the written rows.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Measure">Children or investigations.</param>
/// <param name="Regions">Region names in table order, OSCE last.</param>
/// <param name="Cells">The written row of each cell (<see cref="RegionalProtection.Cell"/>), null where none was written.</param>
/// <param name="Relations">The table's additive relations.</param>
internal sealed record WrittenTable(int Year, Measure Measure, IReadOnlyList<string> Regions, IReadOnlyList<PublishedCell?> Cells, IReadOnlyList<Relation> Relations)
{
    /// <summary>The cell's name in a breach, e.g. <c>Western Europe 2014 children internal</c>.</summary>
    public string Where(int cell) =>
        string.Create(CultureInfo.InvariantCulture, $"{Regions[cell / 5]} {Year} {Codes.Of(Measure)} {RegionalProtection.ColumnCodes[cell % 5]}");
}
