using Linkage.Aggregate;
using Linkage.Analyse;
using Linkage.Model;

namespace Linkage.Render;

/// <summary>The published regional rows of one measure, indexed by region, year and indicator.</summary>
internal sealed class RegionalTable
{
    private readonly Dictionary<(string Region, int Year, string Indicator), RegionalTrendRow> _rows;

    /// <summary>Indexes the rows of <paramref name="measure"/>.</summary>
    public RegionalTable(IReadOnlyList<RegionalTrendRow> rows, Measure measure)
    {
        var ofMeasure = rows.Where(r => r.Measure == measure).ToList();
        _rows = ofMeasure.ToDictionary(r => (r.Region, r.Year, r.Indicator));
        Regions = [.. ofMeasure.Select(r => r.Region).Distinct().Order(Aggregator.RegionOrder)];
        Years = [.. ofMeasure.Select(r => r.Year).Distinct().Order()];
    }

    /// <summary>The regions, sorted, with <c>OSCE</c> last.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>The years with rows, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The first year (0 when there is no row).</summary>
    public int FirstYear => Years.Count > 0 ? Years[0] : 0;

    /// <summary>The last year (0 when there is no row).</summary>
    public int LastYear => Years.Count > 0 ? Years[^1] : 0;

    /// <summary>The row, or null when the region has none for that year.</summary>
    public RegionalTrendRow? Get(string region, int year, string indicator) => _rows.GetValueOrDefault((region, year, indicator));

    /// <summary>True for the all-States total, which is drawn on its own scale.</summary>
    public static bool IsOsce(string region) => region == Aggregator.Osce;
}
