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

        var slice = new RowSlice(Population.AsMeasured, null, string.Empty, 0, string.Empty);
        if (problems.Count == 0 && !TrySlice(row, problems, out slice))
        {
            return;
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

        CitizenReading? citizen = null;
        if (slice.Citizenship is { } citizenship && b is not null)
        {
            var reading = CitizenshipReader.Read(citizenship, b.State, _ctx.Geography);
            if (reading.Kind == CitizenKind.Unrecognised)
            {
                problems.Add(ProblemCatalogue.UnrecognisedCitizenship(_file, row.Line, slice.CitizenshipColumn, citizenship, reading.Why));
            }
            else if (reading.Kind != CitizenKind.Total)
            {
                citizen = reading;
                if (label.Category is not null)
                {
                    problems.Add(ProblemCatalogue.UnreadableSlice(_file, row.Line, slice.CitizenshipColumn, citizenship, "citizenship", "the row has a linkage label too: which gives its linkage?"));
                }
            }
        }

        var values = new List<(ColumnAssignment Column, CellValue Value, Measure Measure)>();
        foreach (var c in _plan.Columns.Where(c => c.Role == ColumnRole.Count))
        {
            if (ParseCount(row, c, CellValue.MergeFlags(b?.Flag ?? string.Empty, slice.Flag), problems) is not { } v)
            {
                continue;
            }

            if (b is not null)
            {
                if (SliceMeasure(c, b, slice, out var asideForAge) is not { } measure)
                {
                    if (asideForAge && problems.Count == 0)
                    {
                        var ageCol = _plan.Find(ColumnRole.Age)!;
                        SetAside(SetAsideReason.BreakdownPart, ageCol.Header, Cell(row, ageCol.Index), row.Line);
                        return;
                    }

                    continue;
                }

                if (Scale(v, slice.PowerOfTen) is { } scaled)
                {
                    values.Add((c, scaled, measure));
                }
                else
                {
                    problems.Add(ProblemCatalogue.BadCount(_file, row.Line, c.Header, Cell(row, c.Index), string.Create(CultureInfo.InvariantCulture, $"a count of at most {CountParser.MaxCount} once multiplied by 10^{slice.PowerOfTen}")));
                }
            }
        }

        if (b is null || problems.Count > 0)
        {
            if (b is not null)
            {
                foreach (var c in _plan.Columns.Where(c => c.Role == ColumnRole.Count))
                {
                    if (SliceMeasure(c, b, slice, out _) is { } measure)
                    {
                        _rejectedInGroup.TryAdd((b.State.Alpha3, b.Area, b.Period!.Value, measure), row.Line);
                    }
                }
            }

            Reject(row.Line, problems);
            return;
        }

        foreach (var (column, value, measure) in values)
        {
            var key = (b.State.Alpha3, b.Area, b.Period!.Value, measure);
            if (!_groups.TryGetValue(key, out var group))
            {
                group = new LongGroup(b, key.Item4);
                _groups[key] = group;
            }

            var cell = new GroupCell(value, column.Header, row.Line);
            GroupCell? existing = citizen is not null
                ? (group.Citizens.TryGetValue(slice.Citizenship!, out var c0) ? c0.Cell : null)
                : label.Category is { } cat
                    ? (group.Categories.TryGetValue(cat, out var found) ? found : null)
                    : group.Total;
            if (existing is { } other && other.Value != value)
            {
                var part = citizen is not null ? $"citizenship '{slice.Citizenship}'" : label.Category is { } c2 ? Codes.Of(c2) : "total";
                var what = string.Create(CultureInfo.InvariantCulture, $"{b.State.Alpha3} {key.Item3} {Codes.Of(key.Item4)} {part}");
                problems.Add(ProblemCatalogue.DuplicateInFile(_file, row.Line, column.Header, value.Display, other.Line, other.Value.Display, what));
                Reject(other.Line, [ProblemCatalogue.DuplicateInFile(_file, other.Line, other.Column, other.Value.Display, row.Line, value.Display, what)]);
                continue;
            }

            group.Lines.Add(row.Line);
            if (existing is null)
            {
                if (citizen is { } reading)
                {
                    group.Citizens[slice.Citizenship!] = (reading.Kind, cell);
                }
                else if (label.Category is { } category)
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

    /// <summary>A value given in units of 10^n (SDMX <c>UNIT_MULT</c>) as a count; null when it grows too large.</summary>
    private static CellValue? Scale(CellValue value, int powerOfTen)
    {
        if (powerOfTen == 0 || value.Count is not { } count)
        {
            return value;
        }

        var factor = (long)Math.Pow(10, powerOfTen);
        return count > CountParser.MaxCount / factor ? null : value with { Count = count * factor };
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

            if (group.Citizens.Count > 0)
            {
                FinishCitizenship(group, key, what);
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

    /// <summary>
    /// The paragraph-23 split from a citizenship breakdown (UNODC's method for domestic and cross-border flows): own
    /// citizens are internal, other countries' international (0 when none is listed), and unknown is what the total
    /// does not attribute to either, so an explicit "unknown" and the unallocated persons both land there. A sum with a
    /// withheld part (<c>&lt;5</c>) is withheld too, and so is the unknown derived from it.
    /// </summary>
    private void FinishCitizenship(LongGroup group, (string State, string Area, Period Period, Measure Measure) key, string what)
    {
        var (_, _, period, measure) = key;
        if (group.Categories.Count > 0)
        {
            var first = group.Categories.Values.Min(c => c.Line);
            Reject(first, [ProblemCatalogue.UnreadableSlice(_file, first, group.Categories.Values.First().Column, string.Empty, "citizenship", "the same State and period has linkage labels and a citizenship breakdown: which gives its linkage?")]);
            RejectGroup(group, first, what);
            return;
        }

        (CellValue Value, int Line) Sum(CitizenKind kind)
        {
            var parts = group.Citizens.Values.Where(p => p.Kind == kind).Select(p => p.Cell).ToList();
            var flag = string.Empty;
            long sum = 0;
            var withheld = false;

            // Parts withheld below bounds (<5 each) bound their sum: at most the exact parts plus each bound less one.
            long? below = 1;
            foreach (var p in parts)
            {
                flag = CellValue.MergeFlags(flag, p.Value.Flag);
                if (p.Value.Count is { } n)
                {
                    sum += n;
                }
                else
                {
                    withheld = true;
                    below = p.Value.Below is { } b && below is { } so ? so + b - 1 : null;
                }
            }

            return (new CellValue(withheld ? null : sum, flag) { Below = withheld && below is { } bound ? sum + bound : null }, parts.Count > 0 ? parts.Min(p => p.Line) : 0);
        }

        var (own, ownLine) = Sum(CitizenKind.Own);
        var (foreign, foreignLine) = Sum(CitizenKind.Foreign);
        var (notKnown, notKnownLine) = Sum(CitizenKind.NotKnown);
        var column = group.Citizens.Values.First().Cell.Column;
        if (ownLine == 0 && foreignLine == 0 && group.Total is { } onlyTotal)
        {
            // A breakdown that only says "unknown" tells nothing about linkage: the total is all unknown, as with no breakdown.
            Emit(group.Basics, period, measure, LinkageCategory.Unknown, onlyTotal.Value, onlyTotal.Column, onlyTotal.Line, 0, group.Lines);
            return;
        }

        if (group.Total is not { } total)
        {
            // No total to derive the unknown from: the split is given as it stands, an explicit unknown with it.
            var firstLine = group.Citizens.Values.Min(p => p.Cell.Line);
            Emit(group.Basics, period, measure, LinkageCategory.Internal, own, column, ownLine > 0 ? ownLine : firstLine, 0, group.Lines);
            Emit(group.Basics, period, measure, LinkageCategory.International, foreign, column, foreignLine > 0 ? foreignLine : firstLine, 0, group.Lines);
            if (notKnownLine > 0)
            {
                Emit(group.Basics, period, measure, LinkageCategory.Unknown, notKnown, column, notKnownLine, 0, group.Lines);
            }

            return;
        }

        var exactParts = group.Citizens.Values.Sum(p => p.Cell.Value.Count ?? 0);
        if (total.Value.Count is { } totalCount && exactParts > totalCount)
        {
            var problem = ProblemCatalogue.TotalBelowParts(_file, total.Line, total.Column, totalCount, exactParts);
            Reject(total.Line, [problem]);
            RejectGroup(group, total.Line, what);
            return;
        }

        var unknownFlag = CellValue.MergeFlags(total.Value.Flag, CellValue.MergeFlags(own.Flag, foreign.Flag)).Replace("m", string.Empty, StringComparison.Ordinal);
        var unknown = total.Value.Count is { } t && own.Count is { } o && foreign.Count is { } f
            ? new CellValue(t - o - f, unknownFlag)
            : new CellValue(null, unknownFlag.Length > 0 ? unknownFlag : "m");
        Emit(group.Basics, period, measure, LinkageCategory.Internal, own, column, ownLine > 0 ? ownLine : total.Line, 0, group.Lines);
        Emit(group.Basics, period, measure, LinkageCategory.International, foreign, column, foreignLine > 0 ? foreignLine : total.Line, 0, group.Lines);
        Emit(group.Basics, period, measure, LinkageCategory.Unknown, unknown, total.Column, total.Line, 0, group.Lines);
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

        /// <summary>The categories of a citizenship breakdown, by their text as written.</summary>
        public Dictionary<string, (CitizenKind Kind, GroupCell Cell)> Citizens { get; } = new(StringComparer.Ordinal);

        public LineSet Lines { get; } = new();
    }
}
