using Linkage.Aggregate;
using Linkage.Model;
using Linkage.Protect;

namespace Linkage.Analyse;

/// <summary>One row of <c>publish/trend-summary.csv</c>.</summary>
/// <param name="Region">Region name or <c>OSCE</c>.</param>
/// <param name="Measure">Children or investigations.</param>
/// <param name="Series">Total, internal or international.</param>
/// <param name="Panel"><c>all</c> (all reporting States) or <c>consistent</c> (States that reported in every year of the window).</param>
/// <param name="FirstYear">First year with data in the window.</param>
/// <param name="LastYear">Last year with data in the window.</param>
/// <param name="Years">Number of years with data.</param>
/// <param name="Apc">Annual percent change with its 95 % interval, when published and computable.</param>
/// <param name="MannKendall">Mann–Kendall test, when published.</param>
/// <param name="SenSlope">Sen's slope per calendar year, when published.</param>
/// <param name="Status">Empty, <c>c</c> when withheld, <c>not-recorded</c> when no State of the region ever recorded the series, <c>insufficient</c> with fewer than 5 years, else the flag letters of the values used.</param>
public sealed record TrendRow(
    string Region, Measure Measure, Series Series, string Panel, int? FirstYear, int? LastYear, int Years,
    AnnualPercentChange? Apc, MannKendallResult? MannKendall, double? SenSlope, string Status)
{
    /// <summary>True when disclosure control withheld the trend (the status <c>c</c> alone could also be a source flag).</summary>
    public bool Withheld { get; init; }
}

/// <summary>
/// The trends of each region's yearly series (design.md "Statistics"), over all reporting States and over the
/// consistent panel. A trend is published only when it cannot give away a withheld count. The all-reporters trend
/// needs every yearly value of its series published. The panel trend (whose APC and interval nearly pin down the
/// panel's yearly values, which are published nowhere else) must pass <see cref="PanelAudit"/>: no withheld count
/// and no small group may become computable once its yearly sums are known.
/// </summary>
public static class TrendSummary
{
    /// <summary>Fewer years than this give no trend.</summary>
    public const int MinYears = 5;

    /// <summary>Builds the rows, sorted by region (OSCE last), measure, series and panel.</summary>
    public static IReadOnlyList<TrendRow> Build(RegionalProtectionResult protection, IReadOnlyList<StateYear> states, YearWindow window)
    {
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(states);
        var rows = new List<TrendRow>();
        var audit = new PanelAudit(protection, states);
        // Panel trends are audited in turn, each one's sums becoming known for the next, so the order decides which
        // are published when not all can be: OSCE, the headline of a meeting paper, goes first.
        var groups = protection.Rows.GroupBy(p => (p.Row.Region, p.Row.Measure))
            .OrderBy(g => g.Key.Region == Aggregator.Osce ? 0 : 1).ThenBy(g => g.Key.Region, Aggregator.RegionOrder).ThenBy(g => g.Key.Measure);
        foreach (var group in groups)
        {
            var (region, measure) = group.Key;
            var years = group.Where(p => p.Row.Figures.HasNumbers).Select(p => p.Row.Year).ToList();
            var from = window.From ?? (years.Count > 0 ? years.Min() : 0);
            var to = window.To ?? (years.Count > 0 ? years.Max() : -1);
            var byYear = group.Where(p => p.Row.Year >= from && p.Row.Year <= to).ToDictionary(p => p.Row.Year);
            var inScope = states.Where(s => s.Measure == measure && (region == Aggregator.Osce || s.Region == region) && s.Year >= from && s.Year <= to).ToList();
            var members = PanelMembers(inScope, from, to);
            var panelParts = inScope.Where(s => members.Contains(s.State)).ToList();

            foreach (var series in new[] { Series.Total, Series.Internal, Series.International })
            {
                var column = series switch { Series.Internal => TableColumn.Internal, Series.International => TableColumn.International, _ => TableColumn.Total };
                bool Withheld(ProtectedRegionYear p) => p.Row.Figures.Series(series).Value is not null && !p.IsPublished(column);
                var all = byYear.Values.OrderBy(p => p.Row.Year).Select(p => (p.Row.Year, Figure: p.Row.Figures.Series(series))).ToList();
                rows.Add(Trend(region, measure, series, "all", all, byYear.Values.Any(Withheld)));

                var consistent = members.Count == 0
                    ? []
                    : Enumerable.Range(from, to - from + 1).Select(y => (Year: y, Figure: Sum(panelParts.Where(s => s.Year == y), series))).ToList();
                var used = consistent.Count(x => x.Figure.Value is not null);
                var exposed = used >= MinYears && !audit.TryPublish(measure, series, region, members, panelParts.GroupBy(s => s.Year));
                rows.Add(Trend(region, measure, series, "consistent", consistent, exposed));
            }
        }

        return [.. rows.OrderBy(r => r.Region, Aggregator.RegionOrder).ThenBy(r => r.Measure)];
    }

    /// <summary>
    /// The States with numbers in every year from <paramref name="from"/> to <paramref name="to"/> (a State whose areas
    /// lie in several regions counts with all of them); empty when none does or the window is empty.
    /// </summary>
    public static IReadOnlySet<string> PanelMembers(IReadOnlyList<StateYear> inScope, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(inScope);
        if (to < from)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var withNumbers = inScope.Where(s => s.Figures.HasNumbers).Select(s => (s.State, s.Year)).ToHashSet();
        return inScope.Select(s => s.State)
            .Where(state => Enumerable.Range(from, to - from + 1).All(y => withNumbers.Contains((state, y))))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static Figure Sum(IEnumerable<StateYear> parts, Series series) =>
        parts.Aggregate(Figure.None, (acc, s) => acc.Plus(s.Figures.Series(series)));

    /// <summary>The status of a series no State of the region ever recorded: no trend is computed for it.</summary>
    public const string NotRecorded = "not-recorded";

    private static TrendRow Trend(string region, Measure measure, Series series, string panel, IReadOnlyList<(int Year, Figure Figure)> points, bool withheld)
    {
        // A year in which no State of the region recorded the category is no point of its series; a series nobody
        // ever recorded has no trend at all (status not-recorded), not a flat one.
        var used = points.Where(p => p.Figure.Value is not null && !p.Figure.NotGiven).ToList();
        int? first = used.Count > 0 ? used[0].Year : null;
        int? last = used.Count > 0 ? used[^1].Year : null;
        if (used.Count == 0 && points.Any(p => p.Figure.NotGiven))
        {
            return new TrendRow(region, measure, series, panel, null, null, 0, null, null, null, NotRecorded);
        }

        if (used.Count < MinYears)
        {
            return new TrendRow(region, measure, series, panel, first, last, used.Count, null, null, null, "insufficient");
        }

        if (withheld)
        {
            return new TrendRow(region, measure, series, panel, first, last, used.Count, null, null, null, RegionalTrends.Suppressed) { Withheld = true };
        }

        var years = used.Select(p => p.Year).ToList();
        var values = used.Select(p => (double)p.Figure.Value!.Value).ToList();
        var flags = used.Aggregate(string.Empty, (acc, p) => Figure.UnionFlags(acc, p.Figure.Flags));
        return new TrendRow(
            region, measure, series, panel, first, last, used.Count,
            TrendModel.Apc(years, values), MannKendall.Test(values), SenSlope.Estimate([.. years.Select(y => (double)y)], values), flags);
    }
}
