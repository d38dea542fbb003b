using System.Globalization;

using Linkage.Model;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Recognise;

namespace Linkage.Normalise;

public sealed partial class FileNormaliser
{
    private readonly Dictionary<(string State, string Area, Period Period, Measure Measure), LongGroup> _groups = [];

    /// <summary>Groups with a rejected row, and the first such line: a total cannot be split against categories one of which was unreadable.</summary>
    private readonly Dictionary<(string State, string Area, Period Period, Measure Measure), int> _rejectedInGroup = [];

    private ColumnAssignment? SdmxActionColumn() =>
        _plan.Layout == Layout.SdmxV2 ? _plan.Columns.FirstOrDefault(c => TextFold.Fold(c.Header) == "action") : null;

    private void AddLong(RawRow row)
    {
        var problems = new List<Problem>();
        if (_sdmxAction is { } actionCol && Cell(row, actionCol.Index) is var action && action.Trim().ToUpperInvariant() is not ("" or "I" or "A" or "R" or "M"))
        {
            // A delete is an instruction, not data.
            problems.Add(ProblemCatalogue.SdmxAction(_file, row.Line, actionCol.Header, action));
        }

        var b = ParseBasics(row, problems, periodRequired: true);

        LinkageLabel label = new(null);
        if (_plan.Find(ColumnRole.Linkage) is { } linkCol)
        {
            var text = Cell(row, linkCol.Index);
            if (_ctx.Vocabulary.TryLinkage(Fold(text), out var l))
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
            if (b is not null)
            {
                foreach (var c in _plan.Columns.Where(c => c.Role == ColumnRole.Count))
                {
                    _rejectedInGroup.TryAdd((b.State.Alpha3, b.Area, b.Period!.Value, MeasureFor(c, b.Measure)), row.Line);
                }
            }

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
                problems.Add(ProblemCatalogue.DuplicateInFile(_file, row.Line, column.Header, value.Display, other.Line, other.Value.Display, what));
                Reject(other.Line, [ProblemCatalogue.DuplicateInFile(_file, other.Line, other.Column, other.Value.Display, row.Line, value.Display, what)]);
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

    /// <summary>
    /// A ragged row cannot be read, but its first cells usually still say whose figure it was: if its group has a
    /// total, the group must fall with it, or its children would be counted in the derived unknown.
    /// </summary>
    private void TaintGroupOfRaggedRow(RawRow row)
    {
        var b = ParseBasics(new RawRow(row.Line, row.Fields[.._headerCount]), [], periodRequired: true);
        if (b is null)
        {
            return;
        }

        foreach (var c in _plan.Columns.Where(c => c.Role == ColumnRole.Count))
        {
            _rejectedInGroup.TryAdd((b.State.Alpha3, b.Area, b.Period!.Value, MeasureFor(c, b.Measure)), row.Line);
        }
    }

    private void FinishLong()
    {
        foreach (var (key, group) in _groups)
        {
            var (state, area, period, measure) = key;
            var what = string.Create(CultureInfo.InvariantCulture, $"{state}{(area.Length > 0 ? " " + area : string.Empty)} {period} {Codes.Of(measure)}");

            // A total beside a rejected row (a bad count, an unknown label) would put that row's children in the
            // derived unknown: the group falls with the row, as a wide row falls with any bad cell.
            if (group.Total is not null && _rejectedInGroup.TryGetValue(key, out var rejectedLine))
            {
                RejectGroup(group, rejectedLine, what);
                continue;
            }

            var cats = TotalRule.Apply(_file, group.Categories, group.Total, out var problem);
            if (cats is null)
            {
                // The category rows were checked against the rejected total: they go with it, or they would count
                // as accepted without giving any figure.
                Reject(problem!.Row ?? 0, [problem]);
                RejectGroup(group, problem.Row ?? 0, what);
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

    private void RejectGroup(LongGroup group, int cause, string what)
    {
        foreach (var line in group.Lines.Lines().Where(l => !_rejectedLines.Contains(l)))
        {
            Reject(line, [ProblemCatalogue.RejectedWithGroup(_file, line, cause, what)]);
        }
    }

    private sealed class LongGroup(RowBasics basics, Measure measure)
    {
        public RowBasics Basics { get; } = basics;

        public Measure Measure { get; } = measure;

        public Dictionary<LinkageCategory, GroupCell> Categories { get; } = [];

        public GroupCell? Total { get; set; }

        public LineSet Lines { get; } = new();
    }
}
