using Linkage.Aggregate;
using Linkage.Model;

namespace Linkage.Render;

/// <summary>
/// The State-level completeness behind the heat map (design.md "Disclosure control": a State-year share whose
/// denominator is below k is shown as suppressed, not as a colour). Shares are binned into 10 % classes so that no
/// exact count can be recovered from the chart. Pure.
/// </summary>
public static class StateCompleteness
{
    /// <summary>
    /// One cell per State that reported at least once for a measure × every year from that measure's first to last year,
    /// sorted by measure, State (ordinal) and year. A State whose areas lie in several regions is summed over them.
    /// </summary>
    public static IReadOnlyList<StateCompletenessCell> Build(IReadOnlyList<StateYear> states, int minCell)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCell, 1);
        var cells = new List<StateCompletenessCell>();
        foreach (var measure in states.Select(s => s.Measure).Distinct().Order())
        {
            var ofMeasure = states.Where(s => s.Measure == measure).ToList();
            var (first, last) = (ofMeasure.Min(s => s.Year), ofMeasure.Max(s => s.Year));
            var byStateYear = ofMeasure
                .GroupBy(s => (s.State, s.Year))
                .ToDictionary(g => g.Key, g => LinkageFigures.Sum(g.Select(s => s.Figures)));
            foreach (var state in ofMeasure.Select(s => s.State).Distinct().Order(StringComparer.Ordinal))
            {
                for (var year = first; year <= last; year++)
                {
                    var figures = byStateYear.GetValueOrDefault((state, year));
                    cells.Add(Cell(state, year, measure, figures, minCell));
                }
            }
        }

        return cells;
    }

    private static StateCompletenessCell Cell(string state, int year, Measure measure, LinkageFigures? figures, int minCell)
    {
        if (figures is null || !figures.HasNumbers)
        {
            return new StateCompletenessCell(state, year, measure, StateCellKind.NotReported, null);
        }

        var total = figures.Total.Value!.Value;
        if (total == 0)
        {
            return new StateCompletenessCell(state, year, measure, StateCellKind.NoCases, null);
        }

        if (total < minCell)
        {
            return new StateCompletenessCell(state, year, measure, StateCellKind.Withheld, null);
        }

        // Integer division floors exactly, so 0.3 stays 0.3 rather than 0.29999… → 0.2.
        var unknown = figures[LinkageCategory.Unknown].Value ?? 0;
        var tenths = 10 * (total - unknown) / total;
        return new StateCompletenessCell(state, year, measure, StateCellKind.Share, tenths / 10.0);
    }
}
