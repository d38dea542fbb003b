using Linkage.Aggregate;
using Linkage.Model;

namespace Linkage.Protect;

/// <summary>
/// The State-level completeness behind the heat map and the report (design.md "Disclosure control": a State-year
/// share whose denominator is below k is shown as suppressed, not as a colour). A class is an interval, and a reader
/// who knows a State's total (from a one-State region, or a panel trend) learns its unknown count to within that
/// interval; so shares are binned into five 20 % classes (the top one, 80–100 %, includes 100 %), and a class is shown
/// only when the total is at least 5·(k + 1). Then every class spans more than k possible counts, and a bound a
/// reader can pin is 0 or above k, never a small group. Below that, the cell is "not shown" whatever the reason, so
/// the chart does not say that a total is small either. Pure.
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

    /// <summary>The number of classes: 20 % each.</summary>
    public const int Classes = 5;

    /// <summary>The smallest total whose share is shown as a class, for threshold <paramref name="minCell"/>.</summary>
    public static long MinTotal(int minCell) => (long)Classes * (minCell + 1);

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

        if (total < MinTotal(minCell))
        {
            return new StateCompletenessCell(state, year, measure, StateCellKind.Withheld, null);
        }

        // Integer division floors exactly (3 of 5 is 0.6, not 0.5999…); 100 % joins the top class, so an exact
        // "nothing unknown" is never shown.
        var unknown = figures[LinkageCategory.Unknown].Value ?? 0;
        var band = Math.Min(Classes - 1, Classes * (total - unknown) / total);
        return new StateCompletenessCell(state, year, measure, StateCellKind.Share, band / (double)Classes);
    }
}
