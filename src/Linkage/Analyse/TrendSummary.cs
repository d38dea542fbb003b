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

    /// <summary>The row as the publish guard reads it.</summary>
    public PublishedTrend ToPublished() =>
        new(Region, Measure, SeriesCodes.Of(Series), Panel, FirstYear, LastYear, Apc is not null || MannKendall is not null || SenSlope is not null, Withheld);
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
    public const int MinYears = PanelProtection.MinYears;

    /// <summary>Builds the rows, sorted by region (OSCE last), measure, series and panel.</summary>
    /// <param name="protection">The regional tables as disclosure control left them.</param>
    /// <param name="panels">The consistent panels' yearly sums and whether each may be published (<see cref="PanelProtection"/>).</param>
    /// <param name="window">The years of the trend (open ends: the years with numbers).</param>
    public static IReadOnlyList<TrendRow> Build(RegionalProtectionResult protection, IReadOnlyList<ProtectedPanel> panels, YearWindow window)
    {
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(panels);
        var rows = new List<TrendRow>();
        var byPanel = panels.ToDictionary(p => (p.Region, p.Measure, p.Series));
        var groups = protection.Rows.GroupBy(p => (p.Row.Region, p.Row.Measure))
            .OrderBy(g => g.Key.Region == Aggregator.Osce ? 0 : 1).ThenBy(g => g.Key.Region, Aggregator.RegionOrder).ThenBy(g => g.Key.Measure);
        foreach (var group in groups)
        {
            var (region, measure) = group.Key;
            var (from, to) = PanelProtection.Window(group, window);
            var byYear = group.Where(p => p.Row.Year >= from && p.Row.Year <= to).ToDictionary(p => p.Row.Year);
            foreach (var series in PanelProtection.TrendSeries)
            {
                var column = series switch { Series.Internal => TableColumn.Internal, Series.International => TableColumn.International, _ => TableColumn.Total };
                bool Withheld(ProtectedRegionYear p) => p.Row.Figures.Series(series).Value is not null && !p.IsPublished(column);
                var all = byYear.Values.OrderBy(p => p.Row.Year).Select(p => (p.Row.Year, Figure: p.Row.Figures.Series(series))).ToList();
                rows.Add(Trend(region, measure, series, "all", all, byYear.Values.Any(Withheld)));
                var panel = byPanel[(region, measure, series)];
                rows.Add(Trend(region, measure, series, "consistent", panel.Points, panel.Withheld));
            }
        }

        return [.. rows.OrderBy(r => r.Region, Aggregator.RegionOrder).ThenBy(r => r.Measure)];
    }

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
