using Linkage.Model;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Recognise;

namespace Linkage.Normalise;

public sealed partial class FileNormaliser
{
    private void AddWide(RawRow row)
    {
        var problems = new List<Problem>();
        if (!TrySlice(row, problems, out var slice))
        {
            return;
        }

        var b = ParseBasics(row, problems, periodRequired: true);

        // Parse every value cell even when the basics failed, so the reject lists all of the row's problems.
        var groups = new Dictionary<Measure, (Dictionary<LinkageCategory, GroupCell> Cats, GroupCell? Total)>();
        foreach (var c in _plan.Columns.Where(c => c.Role is ColumnRole.Category or ColumnRole.Total))
        {
            var value = ParseCount(row, c, CellValue.MergeFlags(b?.Flag ?? string.Empty, slice.Flag), problems);
            if (value is null || b is null)
            {
                continue;
            }

            if (SliceMeasure(c, b, slice, out var asideForAge) is not { } measure)
            {
                if (asideForAge)
                {
                    var ageCol = _plan.Find(ColumnRole.Age)!;
                    SetAside(SetAsideReason.BreakdownPart, ageCol.Header, Cell(row, ageCol.Index), row.Line);
                    return;
                }

                continue;
            }

            if (!groups.TryGetValue(measure, out var g))
            {
                g = ([], null);
            }

            var cell = new GroupCell(value.Value, c.Header, row.Line);
            var taken = c.Role == ColumnRole.Total ? g.Total : g.Cats.TryGetValue(c.Category!.Value, out var t) ? t : null;
            if (taken is { } first)
            {
                // "total" and "children_total" in a file whose rows count children: two cells for one figure.
                problems.Add(ProblemCatalogue.TwoColumnsForOneFigure(_file, row.Line, first.Column, c.Header, Codes.Of(measure)));
            }
            else if (c.Role == ColumnRole.Total)
            {
                g.Total = cell;
            }
            else
            {
                g.Cats[c.Category!.Value] = cell;
            }

            groups[measure] = g;
        }

        if (b is null || problems.Count > 0)
        {
            Reject(row.Line, problems);
            return;
        }

        var emit = new List<(Measure, LinkageCategory, GroupCell)>();
        foreach (var (measure, g) in groups)
        {
            var cats = TotalRule.Apply(_file, g.Cats, g.Total, out var problem);
            if (cats is null)
            {
                problems.Add(problem!);
                continue;
            }

            emit.AddRange(cats.Select(kv => (measure, kv.Key, kv.Value)));
        }

        if (problems.Count > 0)
        {
            Reject(row.Line, problems);
            return;
        }

        var lines = LineSet.Of(row.Line);
        foreach (var (measure, cat, cell) in emit.OrderBy(e => e.Item1).ThenBy(e => e.Item2))
        {
            Emit(b, b.Period!.Value, measure, cat, cell.Value, cell.Column, row.Line, 0, lines);
        }
    }
}
