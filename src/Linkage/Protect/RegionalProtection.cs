using Linkage.Aggregate;
using Linkage.Model;

namespace Linkage.Protect;

/// <summary>The columns of the regional table that disclosure control works on, in cell order.</summary>
public enum TableColumn
{
    /// <summary>Internal trafficking.</summary>
    Internal,

    /// <summary>International trafficking.</summary>
    International,

    /// <summary>Examined, not trafficked.</summary>
    NotTrafficked,

    /// <summary>Not recorded.</summary>
    Unknown,

    /// <summary>The sum of the four categories.</summary>
    Total,
}

/// <summary>One region-year row after disclosure control: its figures and, per column, whether it may be published.</summary>
/// <param name="Row">The aggregated figures.</param>
/// <param name="Status">Status per <see cref="TableColumn"/>.</param>
public sealed record ProtectedRegionYear(RegionYear Row, IReadOnlyList<CellStatus> Status)
{
    /// <summary>True when the column's count may be published.</summary>
    public bool IsPublished(TableColumn column) => Status[(int)column] == CellStatus.Published;

    /// <summary>The column's figure.</summary>
    public Figure Figure(TableColumn column) => column == TableColumn.Total ? Row.Figures.Total : Row.Figures[(LinkageCategory)(int)column];
}

/// <summary>One year-and-measure table: its regions (OSCE last), its cells and relations, and the suppression chosen.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Measure">Children or investigations.</param>
/// <param name="Rows">The region rows, OSCE last.</param>
/// <param name="Table">Cells (row × column) and relations.</param>
/// <param name="Result">The suppression.</param>
public sealed record ProtectedTable(int Year, Measure Measure, IReadOnlyList<RegionYear> Rows, LinearTable Table, SuppressionResult Result);

/// <summary>The outcome of the protect stage on the regional tables.</summary>
/// <param name="Rows">Every region-year row, in the aggregate's order.</param>
/// <param name="Tables">The year-and-measure tables.</param>
/// <param name="MinCell">The threshold k.</param>
public sealed record RegionalProtectionResult(IReadOnlyList<ProtectedRegionYear> Rows, IReadOnlyList<ProtectedTable> Tables, int MinCell)
{
    private readonly int? _protectionLevel;

    /// <summary>The protection level p every primary cell's feasible interval was checked against (k unless given).</summary>
    public int ProtectionLevel { get => _protectionLevel ?? MinCell; init => _protectionLevel = value; }

    /// <summary>True when every table passed the audit.</summary>
    public bool AuditPassed => Tables.All(t => t.Result.AuditPassed);

    /// <summary>Cells suppressed because they are small.</summary>
    public int PrimaryCount => Tables.Sum(t => t.Result.PrimaryCount);

    /// <summary>Cells suppressed to protect small ones.</summary>
    public int SecondaryCount => Tables.Sum(t => t.Result.SecondaryCount);

    /// <summary>
    /// The share rule (design.md "Disclosure control"): a share is published only when its denominator is at least k,
    /// so that a share of a small group is never shown. Its counts must be published too (<see cref="ProtectedRegionYear.IsPublished"/>).
    /// </summary>
    public bool MayPublishShare(long denominator) => denominator >= MinCell;
}

/// <summary>
/// Disclosure control on the regional tables: for each year and measure, one table of regions (and OSCE) ×
/// (four categories and the total), with the relations a reader knows: the categories add up to the total in each
/// row, and the regions add up to OSCE in each column. Years and measures are never added together in a published
/// table, so each table is protected on its own.
/// </summary>
public static class RegionalProtection
{
    /// <summary>The codes of the count columns, in cell order (<see cref="TableColumn"/>), as <c>publish/</c> writes them.</summary>
    public static readonly string[] ColumnCodes = ["internal", "international", "not_trafficked", "unknown", "total"];

    private const int Width = 5;

    /// <summary>Protects the aggregate's regional figures with threshold <paramref name="minCell"/> and protection level k.</summary>
    public static RegionalProtectionResult Run(IReadOnlyList<RegionYear> regions, int minCell) => Run(regions, minCell, minCell);

    /// <summary>
    /// Protects the aggregate's regional figures with threshold <paramref name="minCell"/>: every primary cell keeps a
    /// feasible interval reaching its value ± <paramref name="level"/> (<see cref="SecondarySuppression.Run(LinearTable, int, int)"/>).
    /// </summary>
    public static RegionalProtectionResult Run(IReadOnlyList<RegionYear> regions, int minCell, int level)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var tables = new List<ProtectedTable>();
        var statusOf = new Dictionary<RegionYear, IReadOnlyList<CellStatus>>(ReferenceEqualityComparer.Instance);
        foreach (var group in regions.GroupBy(r => (r.Measure, r.Year)).OrderBy(g => g.Key.Measure).ThenBy(g => g.Key.Year))
        {
            var rows = group.OrderBy(r => r.Region, Aggregator.RegionOrder).ToList();
            var table = Build(rows);
            var result = SecondarySuppression.Run(table, minCell, level);
            tables.Add(new ProtectedTable(group.Key.Year, group.Key.Measure, rows, table, result));
            for (var i = 0; i < rows.Count; i++)
            {
                statusOf[rows[i]] = [.. result.Status.Skip(i * Width).Take(Width)];
            }
        }

        return new RegionalProtectionResult([.. regions.Select(r => new ProtectedRegionYear(r, statusOf[r]))], tables, minCell) { ProtectionLevel = level };
    }

    /// <summary>The cell index of a row and column.</summary>
    public static int Cell(int row, TableColumn column) => (row * Width) + (int)column;

    /// <summary>
    /// The relations of a table of <paramref name="rowCount"/> rows: each row's categories add up to its total, and,
    /// when the last row is OSCE, each column's regions add up to it.
    /// </summary>
    public static IReadOnlyList<Relation> Relations(int rowCount, bool lastIsOsce)
    {
        var relations = new List<Relation>();
        for (var i = 0; i < rowCount; i++)
        {
            relations.Add(Relation.Sum(Enumerable.Range(0, 4).Select(c => Cell(i, (TableColumn)c)), Cell(i, TableColumn.Total)));
        }

        if (lastIsOsce)
        {
            var osce = rowCount - 1;
            for (var c = 0; c < Width; c++)
            {
                var column = (TableColumn)c;
                relations.Add(Relation.Sum(Enumerable.Range(0, osce).Select(i => Cell(i, column)), Cell(osce, column)));
            }
        }

        return relations;
    }

    /// <summary>Lays out one year-and-measure table; the OSCE row, if present, must be last.</summary>
    public static LinearTable Build(IReadOnlyList<RegionYear> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var values = new List<long?>();
        foreach (var r in rows)
        {
            values.AddRange(r.Figures.Categories.Select(c => c.Value));
            values.Add(r.Figures.Total.Value);
        }

        var relations = Relations(rows.Count, rows.Count > 0 && rows[^1].IsOsce);
        return new LinearTable(values, relations);
    }
}
