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
    private readonly List<RawRow> _pendingDateRows = [];
    private DateOrder _settledOrder;
    private bool _orderUndecidable;

    private void AddRecord(RawRow row)
    {
        var order = _ctx.DateOrder != DateOrder.Auto ? _ctx.DateOrder : _settledOrder;
        if (order == DateOrder.Auto && _plan.Find(ColumnRole.Period) is null && _plan.Find(ColumnRole.Date) is { } dateCol
            && DateParser.TryParse(Cell(row, dateCol.Index), out var cell) && cell.IsSlash)
        {
            if (cell.Evidence == DateOrder.Auto)
            {
                if (_orderUndecidable || _pendingDateRows.Count >= MaxPendingDateRows)
                {
                    _orderUndecidable = true;
                    Reject(row.Line, [ProblemCatalogue.AmbiguousDateOrder(_file, row.Line, dateCol.Header, Cell(row, dateCol.Index))]);
                    return;
                }

                _pendingDateRows.Add(row);
                return;
            }

            // This value settles the order for the whole file; rows held back so far can now be read.
            _settledOrder = cell.Evidence;
            foreach (var pending in _pendingDateRows)
            {
                AddRecordWithOrder(pending, _settledOrder);
            }

            _pendingDateRows.Clear();
            order = _settledOrder;
        }

        AddRecordWithOrder(row, order);
    }

    private void AddRecordWithOrder(RawRow row, DateOrder order)
    {
        var problems = new List<Problem>();
        var hasPeriod = _plan.Find(ColumnRole.Period) is not null;
        var b = ParseBasics(row, problems, periodRequired: false);

        Period? period = b?.Period;
        if (!hasPeriod && _plan.Find(ColumnRole.Date) is { } dateCol)
        {
            var text = Cell(row, dateCol.Index);
            if (!DateParser.TryParse(text, out var date))
            {
                problems.Add(ProblemCatalogue.BadDate(_file, row.Line, dateCol.Header, text));
            }
            else if (date.IsSlash && !date.IsValid(order))
            {
                problems.Add(ProblemCatalogue.DateOrderContradiction(_file, row.Line, dateCol.Header, text, order == DateOrder.MonthFirst ? "mm/dd/yyyy" : "dd/mm/yyyy"));
            }
            else if (!PeriodParser.CheckYear(date.Year, _ctx.MaxYear, out var yearError))
            {
                problems.Add(ProblemCatalogue.BadPeriod(_file, row.Line, dateCol.Header, text, yearError!));
            }
            else
            {
                period = Period.OfYear(date.Year);
            }
        }

        var (linkage, linkageColumn) = RecordLinkage(row, problems);
        if (b is null || problems.Count > 0 || period is null || linkage is null)
        {
            Reject(row.Line, problems);
            return;
        }

        var key = (b.State.Alpha3, b.Area, period.Value, MeasureFor(null, b.Measure), linkage.Value);
        if (!_records.TryGetValue(key, out var count))
        {
            count = new RecordCount(b, linkageColumn);
            _records[key] = count;
        }

        count.Lines.Add(row.Line);
        count.Flag = CellValue.MergeFlags(count.Flag, b.Flag);
    }

    /// <summary>A record's linkage: from its label, or derived from citizenship/origin against the country of exploitation.</summary>
    private (LinkageCategory? Linkage, string Column) RecordLinkage(RawRow row, List<Problem> problems)
    {
        if (_plan.Find(ColumnRole.Linkage) is { } linkCol)
        {
            var text = Cell(row, linkCol.Index);
            if (_ctx.Vocabulary.Linkage.TryGetValue(Fold(text), out var label) && label.Category is { } cat)
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
        var column = origin.Header + "/" + exploitation.Header;
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
            || (_ctx.Vocabulary.Linkage.TryGetValue(folded, out var l) && l.Category == LinkageCategory.Unknown))
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
        foreach (var row in _pendingDateRows)
        {
            var dateCol = _plan.Find(ColumnRole.Date)!;
            Reject(row.Line, [ProblemCatalogue.AmbiguousDateOrder(_file, row.Line, dateCol.Header, Cell(row, dateCol.Index))]);
        }

        _pendingDateRows.Clear();
        foreach (var ((_, _, period, measure, linkage), count) in _records)
        {
            Emit(count.Basics, period, measure, linkage, new CellValue(count.Lines.Count, count.Flag), count.Column, count.Lines.First, count.Lines.Count, count.Lines);
        }
    }

    private sealed class RecordCount(RowBasics basics, string column)
    {
        public RowBasics Basics { get; } = basics;

        public string Column { get; } = column;

        public LineSet Lines { get; } = new();

        public string Flag { get; set; } = string.Empty;
    }
}
