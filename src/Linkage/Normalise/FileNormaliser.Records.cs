using Linkage.Model;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Recognise;

namespace Linkage.Normalise;

public sealed partial class FileNormaliser
{
    /// <summary>Slash-date rows kept until the file's own values settle the day/month order.</summary>
    private const int MaxPendingDateRows = 1_000_000;

    private readonly Dictionary<(string State, string Area, Period Period, Measure Measure, LinkageCategory Linkage), RecordCount> _records = [];
    private readonly List<RecordParts> _pendingDateRows = [];
    private const int MaxDateMemo = 1 << 14;
    private readonly List<Problem> _scratchProblems = [];
    private readonly Dictionary<string, (bool Parsed, DateCell Cell)> _dateMemo = new(StringComparer.Ordinal);
    private string? _pairColumn;
    private LineSpool? _lineSpool;
    private DateOrder _settledOrder;
    private bool _orderUndecidable;

    /// <summary>
    /// Parses the cells of a case record: everything that does not depend on the rows before it. Reads no
    /// state of this normaliser but its caches, so workers can parse rows in parallel, each with its own
    /// normaliser, and one normaliser applies the parts in row order (<see cref="AddRecordParts"/>).
    /// </summary>
    /// <param name="row">The record.</param>
    /// <param name="reuse">Parts to overwrite instead of allocating (a worker's, for records it counts itself).</param>
    internal RecordParts ParseRecord(RawRow row, RecordParts? reuse = null)
    {
        // One scratch list per normaliser: most rows have no problem, and a list each would be most of their garbage.
        var problems = _scratchProblems;
        problems.Clear();
        var parts = reuse ?? new RecordParts();
        parts.Row = row;
        parts.Outside = RecordOutside(row);
        if (parts.Outside is not null)
        {
            return parts;
        }

        parts.DateText = null;
        parts.DateParsed = false;
        parts.Date = default;
        parts.Basics = ParseBasics(row, problems, periodRequired: false);
        parts.BasicsProblems = problems.Count > 0 ? [.. problems] : null;
        if (_plan.Find(ColumnRole.Period) is null && _plan.Find(ColumnRole.Date) is { } dateCol)
        {
            parts.DateText = Cell(row, dateCol.Index);
            (parts.DateParsed, parts.Date) = ParseDate(parts.DateText);
        }

        problems.Clear();
        (parts.Linkage, parts.LinkageColumn) = RecordLinkage(row, problems);
        parts.LinkageProblems = problems.Count > 0 ? [.. problems] : null;
        return parts;
    }

    /// <summary>A date cell's shape, remembered: a decade of case dates has a few thousand distinct values.</summary>
    private (bool Parsed, DateCell Cell) ParseDate(string text)
    {
        if (_dateMemo.TryGetValue(text, out var known))
        {
            return known;
        }

        var parsed = (DateParser.TryParse(text, out var cell), cell);
        if (_dateMemo.Count < MaxDateMemo)
        {
            _dateMemo[text] = parsed;
        }

        return parsed;
    }

    private void AddRecord(RawRow row) => AddRecordParts(ParseRecord(row));

    /// <summary>Takes a parsed case record, in row order: settles the file's date order and counts or rejects it.</summary>
    internal void AddRecordParts(RecordParts parts)
    {
        if (parts.Outside is { } outside)
        {
            SetAside(outside.Reason, outside.Column, outside.Value, parts.Row.Line);
            return;
        }

        var order = _ctx.DateOrder != DateOrder.Auto ? _ctx.DateOrder : _settledOrder;
        if (order == DateOrder.Auto && parts.DateParsed && parts.Date.IsSlash)
        {
            var dateCol = _plan.Find(ColumnRole.Date)!;
            if (parts.Date.Evidence == DateOrder.Auto)
            {
                if (_orderUndecidable || _pendingDateRows.Count >= MaxPendingDateRows)
                {
                    _orderUndecidable = true;
                    Reject(parts.Row.Line, [ProblemCatalogue.AmbiguousDateOrder(_file, parts.Row.Line, dateCol.Header, parts.DateText!)]);
                    return;
                }

                _pendingDateRows.Add(parts);
                return;
            }

            // This value settles the order for the whole file; rows held back so far can now be read.
            _settledOrder = parts.Date.Evidence;
            foreach (var pending in _pendingDateRows)
            {
                AddRecordWithOrder(pending, _settledOrder);
            }

            _pendingDateRows.Clear();
            order = _settledOrder;
        }

        AddRecordWithOrder(parts, order);
    }

    private void AddRecordWithOrder(RecordParts parts, DateOrder order)
    {
        var line = parts.Row.Line;
        var b = parts.Basics;
        var problems = parts.BasicsProblems;
        Period? period = b?.Period;
        if (parts.DateText is { } text)
        {
            var dateCol = _plan.Find(ColumnRole.Date)!;
            var date = parts.Date;
            if (!parts.DateParsed)
            {
                (problems ??= []).Add(ProblemCatalogue.BadDate(_file, line, dateCol.Header, text));
            }
            else if (date.IsSlash && !date.IsValid(order))
            {
                (problems ??= []).Add(ProblemCatalogue.DateOrderContradiction(_file, line, dateCol.Header, text, order == DateOrder.MonthFirst ? "mm/dd/yyyy" : "dd/mm/yyyy"));
            }
            else if (!PeriodParser.CheckYear(date.Year, _ctx.MaxYear, out var yearError))
            {
                (problems ??= []).Add(ProblemCatalogue.BadPeriod(_file, line, dateCol.Header, text, yearError!));
            }
            else
            {
                period = Period.OfYear(date.Year);
            }
        }

        if (parts.LinkageProblems is { } linkageProblems)
        {
            (problems ??= []).AddRange(linkageProblems);
        }

        if (b is null || problems is not null || period is null || parts.Linkage is not { } linkage)
        {
            Reject(line, problems ?? []);
            return;
        }

        // With an age column, a record counted is a child's (the others were set aside).
        var measure = b.Measure is null && _fileMeasure is null && _plan.Find(ColumnRole.Age) is not null ? Measure.Children : MeasureFor(null, b.Measure);
        var key = new RecordCellKey(b.State.Alpha3, b.Area, period.Value, measure, linkage);
        Count(CellFor(key, b, parts.LinkageColumn, line), line, b.Flag);
    }

    /// <summary>
    /// The cell of a record that no earlier row can change (valid, and not a slash date waiting for the file's
    /// day/month order): what a worker may count on its own. False for every other record, which goes through
    /// <see cref="AddRecordParts"/> in row order.
    /// </summary>
    internal bool TryIndependentCell(RecordParts parts, out RecordCellKey key, out bool measureAssumed)
    {
        key = default;
        measureAssumed = false;
        if (parts.Outside is not null || parts.Basics is not { } b || parts.BasicsProblems is not null || parts.LinkageProblems is not null || parts.Linkage is not { } linkage)
        {
            return false;
        }

        var period = b.Period;
        if (parts.DateText is not null)
        {
            var forced = _ctx.DateOrder != DateOrder.Auto;
            if (!parts.DateParsed || (parts.Date.IsSlash && !(forced && parts.Date.IsValid(_ctx.DateOrder))) || !PeriodParser.CheckYear(parts.Date.Year, _ctx.MaxYear, out _))
            {
                return false;
            }

            period = Period.OfYear(parts.Date.Year);
        }

        if (period is not { } p)
        {
            return false;
        }

        var measure = b.Measure ?? _fileMeasure ?? (_plan.Find(ColumnRole.Age) is not null ? Measure.Children : null);
        measureAssumed = measure is null;
        key = new RecordCellKey(b.State.Alpha3, b.Area, p, measure ?? Measure.Children, linkage);
        return true;
    }

    /// <summary>The counting cell of <paramref name="key"/>, made at its first record (<paramref name="line"/>).</summary>
    internal RecordCount CellFor(RecordCellKey key, RowBasics basics, string column, int line, bool measureAssumed = false)
    {
        _measureAssumed |= measureAssumed;
        var k = (key.State, key.Area, key.Period, key.Measure, key.Linkage);
        if (!_records.TryGetValue(k, out var count))
        {
            count = new RecordCount(basics, column, _records.Count, line);
            _records[k] = count;
        }

        return count;
    }

    /// <summary>Counts one accepted record (read in row order) in its cell.</summary>
    internal void CountRead(RecordCount cell, int line, string flag)
    {
        _rowsRead++;
        Count(cell, line, flag);
    }

    private void Count(RecordCount cell, int line, string flag)
    {
        cell.Records++;
        if (flag.Length > 0)
        {
            cell.Flag = CellValue.MergeFlags(cell.Flag, flag);
        }

        (_lineSpool ??= new LineSpool()).Add(line, cell.Cell);
    }

    /// <summary>A record's linkage: from its label, or derived from citizenship/origin against the country of exploitation.</summary>
    private (LinkageCategory? Linkage, string Column) RecordLinkage(RawRow row, List<Problem> problems)
    {
        if (_plan.Find(ColumnRole.Linkage) is { } linkCol)
        {
            var text = Cell(row, linkCol.Index);
            if (_ctx.Vocabulary.TryLinkage(Fold(text), out var label) && label.Category is { } cat)
            {
                return (cat, linkCol.Header);
            }

            if (_ctx.Vocabulary.Missing.Contains(text.Trim()))
            {
                return (LinkageCategory.Unknown, linkCol.Header);
            }

            problems.Add(ProblemCatalogue.UnrecognisedLabel(_file, row.Line, linkCol.Header, text));
            return (null, linkCol.Header);
        }

        var origin = _plan.Find(ColumnRole.Origin)!;
        var exploitation = _plan.Find(ColumnRole.Exploitation)!;
        var a = Country(row, origin, problems);
        var e = Country(row, exploitation, problems);
        var column = _pairColumn ??= origin.Header + "/" + exploitation.Header;
        if (a.Failed || e.Failed)
        {
            return (null, column);
        }

        if (a.Code is null || e.Code is null)
        {
            return (LinkageCategory.Unknown, column);
        }

        return (string.Equals(a.Code, e.Code, StringComparison.Ordinal) ? LinkageCategory.Internal : LinkageCategory.International, column);
    }

    /// <summary>An ISO country cell: its alpha-3 code, null when not known, or a failure (with a problem added).</summary>
    private (string? Code, bool Failed) Country(RawRow row, ColumnAssignment column, List<Problem> problems)
    {
        var text = Cell(row, column.Index);
        var folded = Fold(text);
        if (_ctx.Vocabulary.Missing.Contains(text.Trim())
            || (_ctx.Vocabulary.TryLinkage(folded, out var l) && l.Category == LinkageCategory.Unknown))
        {
            return (null, false);
        }

        if (_ctx.Geography.FindCountryFolded(folded) is { } country)
        {
            return (country.Alpha3, false);
        }

        problems.Add(ProblemCatalogue.UnknownCountry(_file, row.Line, column.Header, text));
        return (null, true);
    }

    private void FinishRecords()
    {
        foreach (var parts in _pendingDateRows)
        {
            var dateCol = _plan.Find(ColumnRole.Date)!;
            Reject(parts.Row.Line, [ProblemCatalogue.AmbiguousDateOrder(_file, parts.Row.Line, dateCol.Header, parts.DateText!)]);
        }

        _pendingDateRows.Clear();
        _lineSpool?.Complete();
        foreach (var ((_, _, period, measure, linkage), count) in _records)
        {
            var lines = LineSet.Spooled(_lineSpool!, count.Cell, count.Records, count.FirstLine);
            Emit(count.Basics, period, measure, linkage, new CellValue(count.Records, count.Flag), count.Column, count.FirstLine, count.Records, lines);
        }
    }

    /// <summary>One cell of case records: its count, merged flags and first line; its lines are in the file's line spool.</summary>
    internal sealed class RecordCount(RowBasics basics, string column, int cell, int firstLine)
    {
        public RowBasics Basics { get; } = basics;

        public string Column { get; } = column;

        public int Cell { get; } = cell;

        public int FirstLine { get; } = firstLine;

        public long Records { get; set; }

        public string Flag { get; set; } = string.Empty;
    }
}

/// <summary>The cell a case record is counted in.</summary>
internal readonly record struct RecordCellKey(string State, string Area, Period Period, Measure Measure, LinkageCategory Linkage);

/// <summary>The cells of one case record, parsed; the date-order check and the count come later, in row order.</summary>
internal sealed class RecordParts
{
    public RawRow Row { get; set; }

    /// <summary>Why the record is outside the publication (set aside, not parsed further); null when it is counted.</summary>
    public (string Reason, string Column, string Value)? Outside { get; set; }

    public RowBasics? Basics { get; set; }

    /// <summary>Problems of the shared cells; null when there are none (most rows).</summary>
    public List<Problem>? BasicsProblems { get; set; }

    public string? DateText { get; set; }

    public bool DateParsed { get; set; }

    public DateCell Date { get; set; }

    public LinkageCategory? Linkage { get; set; }

    public string LinkageColumn { get; set; } = string.Empty;

    /// <summary>Problems of the linkage cells; null when there are none.</summary>
    public List<Problem>? LinkageProblems { get; set; }
}
