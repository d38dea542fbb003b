using Linkage.Config;
using Linkage.Model;
using Linkage.Problems;
using Linkage.Recognise;

namespace Linkage.Aggregate;

/// <summary>
/// The aggregate stage: canonical observations → each State's yearly figures → regions → the all-States total
/// <c>OSCE</c>, per year and measure (design.md "Regions", "Statistics"). Pure; returns warnings as values.
/// </summary>
public static class Aggregator
{
    /// <summary>The name of the all-States total; no region of a region map may take it.</summary>
    public const string Osce = Model.OsceTotal.Name;

    /// <summary>Orders regions by name (ordinal, so the same in every culture), with <c>OSCE</c> last.</summary>
    public static readonly IComparer<string> RegionOrder = Comparer<string>.Create((a, b) =>
        (a == Osce, b == Osce) switch
        {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => -1,
            _ => string.CompareOrdinal(a, b),
        });

    /// <summary>Aggregates the observations of the years in <paramref name="window"/>.</summary>
    public static AggregateResult Run(IReadOnlyList<Observation> observations, RegionMap regions, YearWindow window)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(regions);
        var warnings = new List<Problem>();
        var states = new List<StateYear>();
        var groups = observations
            .Where(o => window.Contains(o.Period.Year))
            .GroupBy(o => (o.State, o.Measure, o.Period.Year))
            .OrderBy(g => g.Key.State, StringComparer.Ordinal).ThenBy(g => g.Key.Measure).ThenBy(g => g.Key.Year);
        foreach (var group in groups)
        {
            var (state, measure, year) = group.Key;
            var used = ChooseLevel([.. group], regions.HasAreaEntries(state), warnings);
            var complete = new List<Observation>();
            foreach (var byArea in used.GroupBy(o => o.Area).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                // Each category must cover the year on its own: internal for Q1 beside yearly figures for the other
                // categories would publish a quarter as if it were the year.
                var partial = byArea.GroupBy(o => o.Linkage).OrderBy(g => g.Key).FirstOrDefault(g => !CoversYear(g));
                if (partial is null)
                {
                    complete.AddRange(byArea);
                }
                else
                {
                    var first = partial.OrderBy(o => o.Source.FileIndex).ThenBy(o => o.Source.Row).First();
                    var periods = string.Join(", ", partial.Select(o => o.Period).Distinct().Order().Select(p => p.ToString()));
                    warnings.Add(ProblemCatalogue.IncompleteYear(first.Source.File, first.Source.Row, Describe(state, byArea.Key, year, measure) + " " + Codes.Of(partial.Key), periods));
                }
            }

            foreach (var byRegion in complete.GroupBy(o => o.Region).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var sums = new[] { Figure.None, Figure.None, Figure.None, Figure.None };
                foreach (var o in byRegion)
                {
                    // A withheld value always carries m or c; should one ever come without, it is still not a zero.
                    sums[(int)o.Linkage] = sums[(int)o.Linkage].Add(o.Count, o.Count is null && o.Flag.Length == 0 ? "m" : o.Flag);
                }

                states.Add(new StateYear(state, byRegion.Key, year, measure, LinkageFigures.Of(sums)));
            }
        }

        var regionYears = states
            .GroupBy(s => (s.Region, s.Measure, s.Year))
            .Select(g => new RegionYear(g.Key.Region, g.Key.Year, g.Key.Measure, LinkageFigures.Sum(g.Select(s => s.Figures)), Distinct(g.Select(s => s.State))))
            .ToList();
        var osce = regionYears
            .GroupBy(r => (r.Measure, r.Year))
            .Select(g => new RegionYear(Osce, g.Key.Year, g.Key.Measure, LinkageFigures.Sum(g.Select(r => r.Figures)), Distinct(g.SelectMany(r => r.States))))
            .ToList();
        var all = regionYears.Concat(osce)
            .OrderBy(r => r.Region, RegionOrder).ThenBy(r => r.Measure).ThenBy(r => r.Year)
            .ToList();
        var sortedStates = states
            .OrderBy(s => s.Region, RegionOrder).ThenBy(s => s.State, StringComparer.Ordinal).ThenBy(s => s.Measure).ThenBy(s => s.Year)
            .ToList();
        return new AggregateResult(sortedStates, all, warnings);
    }

    /// <summary>
    /// A State that gave national figures and figures for areas in the same year would be counted twice if both were
    /// added: the national figures are used, unless the region map places the State's areas in regions of their own.
    /// </summary>
    private static List<Observation> ChooseLevel(List<Observation> group, bool mapHasAreas, List<Problem> warnings)
    {
        var national = group.Where(o => o.Area.Length == 0).ToList();
        var areas = group.Where(o => o.Area.Length > 0).ToList();
        if (national.Count == 0 || areas.Count == 0)
        {
            return group;
        }

        var (used, dropped) = mapHasAreas ? (areas, national) : (national, areas);
        var first = dropped.OrderBy(o => o.Source.FileIndex).ThenBy(o => o.Source.Row).First();
        var o0 = group[0];
        warnings.Add(ProblemCatalogue.NationalAndAreas(first.Source.File, first.Source.Row, Describe(o0.State, string.Empty, o0.Period.Year, o0.Measure), mapHasAreas, dropped.Count));
        return used;
    }

    /// <summary>True when the figures cover the whole year: a yearly figure, or quarters and months that together cover all twelve months.</summary>
    private static bool CoversYear(IEnumerable<Observation> figures)
    {
        var months = 0;
        foreach (var o in figures)
        {
            months |= o.Period.Kind switch
            {
                PeriodKind.Year => 0xFFF,
                PeriodKind.Quarter => 0b111 << (3 * (o.Period.Part - 1)),
                _ => 1 << (o.Period.Part - 1),
            };
        }

        return months == 0xFFF;
    }

    private static string[] Distinct(IEnumerable<string> states) => [.. states.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string Describe(string state, string area, int year, Measure measure) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{state}{(area.Length > 0 ? " (" + area + ")" : string.Empty)} {year} {Codes.Of(measure)}");
}
