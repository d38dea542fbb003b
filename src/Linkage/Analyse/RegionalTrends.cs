using Linkage.Aggregate;
using Linkage.Model;
using Linkage.Protect;

namespace Linkage.Analyse;

/// <summary>One row of <c>publish/regional-trends.csv</c>.</summary>
/// <param name="Region">Region name or <c>OSCE</c>.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Measure">Children or investigations.</param>
/// <param name="Indicator">One of <see cref="RegionalTrends.Indicators"/>.</param>
/// <param name="Value">The count, share or change; null when suppressed or not computable.</param>
/// <param name="Interval">The Wilson 95 % interval of a share.</param>
/// <param name="Status">Empty, <c>c</c> when suppressed, else the flag letters of the components.</param>
/// <param name="StatesReporting">States that reported for the region, year and measure.</param>
public sealed record RegionalTrendRow(string Region, int Year, Measure Measure, string Indicator, double? Value, Interval? Interval, string Status, int StatesReporting)
{
    /// <summary>
    /// True when disclosure control withheld the value. The status alone cannot say so: a figure with a component
    /// that was confidential at source is published with the flag <c>c</c> too.
    /// </summary>
    public bool Withheld { get; init; }

    /// <summary>True for the five count indicators, written as integers.</summary>
    public bool IsCount => RegionalTrends.CountIndicators.Contains(Indicator, StringComparer.Ordinal);

    /// <summary>The row as the publish guard reads it.</summary>
    public PublishedCell ToPublished() => new(Region, Year, Measure, Indicator, Value, Withheld);
}

/// <summary>
/// The analyse stage for the regional table: counts as disclosure control left them, shares with Wilson intervals
/// and the year-on-year change of the total. A derived value is published only when every count it is made of is
/// published (so it reveals nothing the counts do not) and, for a share, when its denominator is at least k.
/// </summary>
public static class RegionalTrends
{
    /// <summary>The indicators, in the order they are written.</summary>
    public static readonly string[] Indicators =
        ["internal", "international", "not_trafficked", "unknown", "total", "completeness", "trafficked_share", "international_share", "yoy_change"];

    /// <summary>The count indicators, in cell order (<see cref="TableColumn"/>).</summary>
    public static readonly string[] CountIndicators = RegionalProtection.ColumnCodes;

    /// <summary>The status of a value withheld by disclosure control.</summary>
    public const string Suppressed = "c";

    /// <summary>Builds the rows, sorted by region (OSCE last), year, measure and indicator.</summary>
    public static IReadOnlyList<RegionalTrendRow> Build(RegionalProtectionResult protection)
    {
        ArgumentNullException.ThrowIfNull(protection);
        var byKey = protection.Rows.ToDictionary(p => (p.Row.Region, p.Row.Measure, p.Row.Year));
        var rows = new List<RegionalTrendRow>();
        foreach (var p in protection.Rows.OrderBy(p => p.Row.Region, Aggregator.RegionOrder).ThenBy(p => p.Row.Year).ThenBy(p => p.Row.Measure))
        {
            var r = p.Row;
            RegionalTrendRow Row(string indicator, Cell v) =>
                new(r.Region, r.Year, r.Measure, indicator, v.Value, v.Interval, v.Withheld ? Suppressed : v.Flags, r.StatesReporting) { Withheld = v.Withheld };

            for (var c = 0; c < CountIndicators.Length; c++)
            {
                var column = (TableColumn)c;
                var f = p.Figure(column);
                // A category no State of the region recorded that year is not recorded (m), not 0.
                rows.Add(Row(CountIndicators[c], !p.IsPublished(column) ? Cell.WithheldCell : f.NotGiven ? NotRecorded : new Cell(f.Value, null, f.Flags)));
            }

            rows.Add(Row("completeness", Share(p, protection, [TableColumn.Total, TableColumn.Unknown], v => v[0] - v[1], v => v[0])));
            // Not trafficked is in the denominator (total − unknown): where nobody recorded it, the share would be 100 %
            // by construction, so it is not recorded.
            rows.Add(Row("trafficked_share", p.Figure(TableColumn.NotTrafficked).NotGiven ? NotRecorded : Share(
                p, protection, [TableColumn.Internal, TableColumn.International, TableColumn.Total, TableColumn.Unknown], v => v[0] + v[1], v => v[2] - v[3])));
            rows.Add(Row("international_share", Share(p, protection, [TableColumn.Internal, TableColumn.International], v => v[1], v => v[0] + v[1])));
            rows.Add(Row("yoy_change", YearOnYear(p, byKey.GetValueOrDefault((r.Region, r.Measure, r.Year - 1)))));
        }

        return rows;
    }

    /// <summary>A share with its Wilson interval, published only from published counts and when the protect stage's share rule lets its denominator through.</summary>
    private static Cell Share(ProtectedRegionYear p, RegionalProtectionResult protection, TableColumn[] involved, Func<long[], long> numerator, Func<long[], long> denominator)
    {
        if (involved.Any(c => !p.IsPublished(c)))
        {
            return Cell.WithheldCell;
        }

        if (involved.Any(c => p.Figure(c).NotGiven))
        {
            return NotRecorded;
        }

        var flags = involved.Aggregate(string.Empty, (acc, c) => Figure.UnionFlags(acc, p.Figure(c).Flags));
        if (involved.Any(c => p.Figure(c).Value is null))
        {
            return new Cell(null, null, flags);
        }

        var values = involved.Select(c => p.Figure(c).Value!.Value).ToArray();
        var (x, n) = (numerator(values), denominator(values));
        if (n == 0)
        {
            return new Cell(null, null, flags);
        }

        if (!protection.MayPublishShare(n))
        {
            return Cell.WithheldCell;
        }

        return new Cell((double)x / n, Wilson.Interval95(x, n), flags);
    }

    /// <summary>(y_t − y_{t−1}) / y_{t−1} of the total; withheld when either total is, empty when the earlier one is 0 or absent.</summary>
    private static Cell YearOnYear(ProtectedRegionYear current, ProtectedRegionYear? previous)
    {
        if (!current.IsPublished(TableColumn.Total) || (previous is not null && !previous.IsPublished(TableColumn.Total)))
        {
            return Cell.WithheldCell;
        }

        var now = current.Figure(TableColumn.Total);
        if (previous is null)
        {
            return new Cell(null, null, now.Flags);
        }

        var before = previous.Figure(TableColumn.Total);
        var flags = Figure.UnionFlags(before.Flags, now.Flags);
        return now.Value is { } y && before.Value is { } y0 && y0 != 0 ? new Cell((double)(y - y0) / y0, null, flags) : new Cell(null, null, flags);
    }

    /// <summary>A figure no State recorded: empty, status m.</summary>
    private static Cell NotRecorded => new(null, null, "m");

    /// <summary>A value with its interval and flags, or a value withheld by disclosure control.</summary>
    private readonly record struct Cell(double? Value, Interval? Interval, string Flags, bool Withheld = false)
    {
        public static Cell WithheldCell => new(null, null, string.Empty, Withheld: true);
    }
}
