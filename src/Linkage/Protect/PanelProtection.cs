using Linkage.Aggregate;
using Linkage.Model;

namespace Linkage.Protect;

/// <summary>The consistent panel of one region, measure and series, as the protect stage lets the analyse stage see it.</summary>
/// <param name="Region">Region name or <c>OSCE</c>.</param>
/// <param name="Measure">Children or investigations.</param>
/// <param name="Series">Total, internal or international.</param>
/// <param name="Points">The panel's sum in every year of the window (empty when no State reported in all of them).</param>
/// <param name="Withheld">True when <see cref="PanelAudit"/> refused the trend: its yearly sums would give away a withheld count or a small group.</param>
public sealed record ProtectedPanel(string Region, Measure Measure, Series Series, IReadOnlyList<(int Year, Figure Figure)> Points, bool Withheld);

/// <summary>
/// The panel gating of the protect stage: which States form each region's consistent panel, their yearly sums, and
/// whether a trend of those sums may be published (<see cref="PanelAudit"/>). The analyse stage sees these sums and
/// never the State-level figures they are made of. Pure.
/// </summary>
public static class PanelProtection
{
    /// <summary>Fewer years than this give no trend, so such a panel is not audited.</summary>
    public const int MinYears = 5;

    /// <summary>The three series of a trend, in the order they are audited and published.</summary>
    public static readonly Series[] TrendSeries = [Series.Total, Series.Internal, Series.International];

    /// <summary>
    /// One panel per region (OSCE included), measure and series. Panels are audited in turn, each one's sums becoming
    /// known for the next, so the order decides which are published when not all can be: OSCE, the headline of a
    /// meeting paper, goes first.
    /// </summary>
    public static IReadOnlyList<ProtectedPanel> Run(RegionalProtectionResult protection, IReadOnlyList<StateYear> states, YearWindow window)
    {
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(states);
        var audit = new PanelAudit(protection, states);
        var panels = new List<ProtectedPanel>();
        var groups = protection.Rows.GroupBy(p => (p.Row.Region, p.Row.Measure))
            .OrderBy(g => g.Key.Region == Aggregator.Osce ? 0 : 1).ThenBy(g => g.Key.Region, Aggregator.RegionOrder).ThenBy(g => g.Key.Measure);
        foreach (var group in groups)
        {
            var (region, measure) = group.Key;
            var (from, to) = Window(group, window);
            var inScope = states.Where(s => s.Measure == measure && (region == Aggregator.Osce || s.Region == region) && s.Year >= from && s.Year <= to).ToList();
            var members = PanelMembers(inScope, from, to);
            var panelParts = inScope.Where(s => members.Contains(s.State)).ToList();
            foreach (var series in TrendSeries)
            {
                IReadOnlyList<(int Year, Figure Figure)> points = members.Count == 0
                    ? []
                    : [.. Enumerable.Range(from, to - from + 1).Select(y => (Year: y, Figure: Sum(panelParts.Where(s => s.Year == y), series)))];
                var used = points.Count(x => x.Figure.Value is not null);
                var withheld = used >= MinYears && !audit.TryPublish(measure, series, region, members, panelParts.GroupBy(s => s.Year));
                panels.Add(new ProtectedPanel(region, measure, series, points, withheld));
            }
        }

        return panels;
    }

    /// <summary>The trend window of one region and measure: <paramref name="window"/>, or the years with numbers where it is open.</summary>
    public static (int From, int To) Window(IEnumerable<ProtectedRegionYear> rows, YearWindow window)
    {
        var years = rows.Where(p => p.Row.Figures.HasNumbers).Select(p => p.Row.Year).ToList();
        return (window.From ?? (years.Count > 0 ? years.Min() : 0), window.To ?? (years.Count > 0 ? years.Max() : -1));
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
}
