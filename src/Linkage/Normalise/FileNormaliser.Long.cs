using System.Globalization;

using Linkage.Model;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Recognise;

namespace Linkage.Normalise;

public sealed partial class FileNormaliser
{
    private readonly Dictionary<(string State, string Area, Period Period, Measure Measure), LongGroup> _groups = [];

    private void AddLong(RawRow row)
    {
        var problems = new List<Problem>();
        var b = ParseBasics(row, problems, periodRequired: true);

        LinkageLabel label = new(null);
        if (_plan.Find(ColumnRole.Linkage) is { } linkCol)
        {
            var text = Cell(row, linkCol.Index);
            if (_ctx.Vocabulary.Linkage.TryGetValue(TextFold.Fold(text), out var l))
            {
                label = l;
            }
            else
            {
                problems.Add(ProblemCatalogue.UnrecognisedLabel(_file, row.Line, linkCol.Header, text));
            }
        }

        var values = new List<(ColumnAssignment Column, CellValue Value)>();
        foreach (var c in _plan.Columns.Where(c => c.Role == ColumnRole.Count))
        {
            if (ParseCount(row, c, b?.Flag ?? string.Empty, problems) is { } v)
            {
                values.Add((c, v));
            }
        }

        if (b is null || problems.Count > 0)
        {
            Reject(row.Line, problems);
            return;
        }

        foreach (var (column, value) in values)
        {
            var key = (b.State.Alpha3, b.Area, b.Period!.Value, MeasureFor(column, b.Measure));
            if (!_groups.TryGetValue(key, out var group))
            {
                group = new LongGroup(b, key.Item4);
                _groups[key] = group;
            }

            var cell = new GroupCell(value, column.Header, row.Line);
            GroupCell? existing = label.Category is { } cat
                ? (group.Categories.TryGetValue(cat, out var found) ? found : null)
                : group.Total;
            if (existing is { } other && other.Value != value)
            {
                var what = string.Create(CultureInfo.InvariantCulture, $"{b.State.Alpha3} {key.Item3} {Codes.Of(key.Item4)} {(label.Category is { } c2 ? Codes.Of(c2) : "total")}");
                problems.Add(ProblemCatalogue.DuplicateInFile(_file, row.Line, column.Header, Show(value), other.Line, Show(other.Value), what));
                Reject(other.Line, [ProblemCatalogue.DuplicateInFile(_file, other.Line, other.Column, Show(other.Value), row.Line, Show(value), what)]);
                continue;
            }

            group.Lines.Add(row.Line);
            if (existing is null)
            {
                if (label.Category is { } category)
                {
                    group.Categories[category] = cell;
                }
                else
                {
                    group.Total = cell;
                }
            }
        }

        if (problems.Count > 0)
        {
            Reject(row.Line, problems);
        }
    }

    private void FinishLong()
    {
        foreach (var ((_, _, period, measure), group) in _groups)
        {
            var cats = TotalRule.Apply(_file, group.Categories, group.Total, out var problem);
            if (cats is null)
            {
                Reject(problem!.Row ?? 0, [problem]);
                continue;
            }

            foreach (var (cat, cell) in cats.OrderBy(kv => kv.Key))
            {
                // When a total row took part, every row of the group stands or falls with it.
                var lines = group.Total is null ? LineSet.Of(cell.Line) : group.Lines;
                Emit(group.Basics, period, measure, cat, cell.Value, cell.Column, cell.Line, 0, lines);
            }
        }
    }

    private static string Show(CellValue v) =>
        (v.Count?.ToString(CultureInfo.InvariantCulture) ?? string.Empty) + (v.Flag.Length > 0 ? " " + v.Flag : string.Empty);

    private sealed class LongGroup(RowBasics basics, Measure measure)
    {
        public RowBasics Basics { get; } = basics;

        public Measure Measure { get; } = measure;

        public Dictionary<LinkageCategory, GroupCell> Categories { get; } = [];

        public GroupCell? Total { get; set; }

        public LineSet Lines { get; } = new();
    }
}
