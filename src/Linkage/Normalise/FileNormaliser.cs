using Linkage.Model;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Recognise;

namespace Linkage.Normalise;

/// <summary>
/// Turns the rows of one file into canonical observations or rejects, following the file's <see cref="LayoutPlan"/>.
/// Rows are fed one at a time (files can be large); <see cref="Finish"/> settles what needs the whole file
/// (totals given on their own rows, case-record counts, the day/month order of dates). Never throws for bad data.
/// </summary>
public sealed partial class FileNormaliser
{
    private readonly LayoutPlan _plan;
    private readonly string _file;
    private readonly int _fileIndex;
    private readonly NormaliseContext _ctx;
    private readonly int _headerCount;
    private readonly int _headerLine;
    private readonly List<Observation> _observations = [];
    private readonly RejectCollection _rejects = new();
    private readonly List<Problem> _warnings = [];

    // The config's "select": a column and the value whose rows are used; the other rows are set aside.
    private readonly List<(ColumnAssignment Column, string Value)> _selects = [];
    private readonly HashSet<int> _selected = [];

    // The value column, when every value column's header names one part of a breakdown (one sex, adults only).
    private readonly ColumnAssignment? _valueParts;
    private readonly HashSet<int> _rejectedLines = [];
    private readonly Measure? _fileMeasure;
    private readonly ColumnAssignment? _sdmxAction;
    private const int MaxFoldMemo = 4096;

    /// <summary>Rows between two progress calls while a file is read.</summary>
    public const int ProgressEveryRows = 1 << 16;
    private readonly Dictionary<string, string> _foldMemo = new(StringComparer.Ordinal);
    private long _rowsRead;
    private long _recordsRejected;
    private bool _measureAssumed;

    /// <summary>Prepares to normalise rows of <paramref name="file"/> laid out as <paramref name="plan"/> says.</summary>
    /// <param name="plan">The file's layout and column roles.</param>
    /// <param name="file">File name as given.</param>
    /// <param name="fileIndex">Position of the file in argument/name order.</param>
    /// <param name="context">Dictionaries, States, regions and user choices.</param>
    /// <param name="headerLine">1-based line of the header (later than 1 after a title preamble), named by file-level warnings.</param>
    public FileNormaliser(LayoutPlan plan, string file, int fileIndex, NormaliseContext context, int headerLine = 1)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);
        if (!plan.IsUsable)
        {
            throw new ArgumentException("The layout plan has errors; report them instead of normalising.", nameof(plan));
        }

        _plan = plan;
        _file = file;
        _fileIndex = fileIndex;
        _ctx = context;
        _headerCount = plan.Columns.Count;
        _fileMeasure = context.Vocabulary.DefaultMeasure;
        _sdmxAction = SdmxActionColumn();
        _headerLine = headerLine;
        _setAside = new SetAsideLedger(file);
        var values = plan.Columns.Where(c => c.Role is ColumnRole.Count or ColumnRole.Total or ColumnRole.Category).ToList();
        _valueParts = values.Count > 0 && values.All(c => c.Part is not null) ? values[0] : null;
        foreach (var (header, value) in context.Select)
        {
            if (plan.Columns.FirstOrDefault(c => TextFold.Fold(c.Header) == header) is { } column)
            {
                _selects.Add((column, value));
                _selected.Add(column.Index);
            }
            else
            {
                _warnings.Add(ProblemCatalogue.SelectColumnMissing(file, headerLine, header));
            }
        }

        PreparePartitions();
    }

    /// <summary>Normalises every row of an opened table and finishes.</summary>
    /// <param name="table">The opened file.</param>
    /// <param name="plan">Its layout and column roles.</param>
    /// <param name="fileIndex">Position of the file in argument/name order.</param>
    /// <param name="context">Dictionaries, States, regions and user choices.</param>
    /// <param name="progress">Called with rows and bytes read so far, every <see cref="ProgressEveryRows"/> rows.</param>
    public static FileResult Run(ISourceTable table, LayoutPlan plan, int fileIndex, NormaliseContext context, Action<long, long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var n = new FileNormaliser(plan, table.File, fileIndex, context, table.Info.HeaderLine);
        foreach (var row in table.ReadRows())
        {
            n.Add(row);
            if (progress is not null && n._rowsRead % ProgressEveryRows == 0)
            {
                progress(n._rowsRead, table.BytesRead, table.TotalBytes);
            }
        }

        foreach (var broken in table.RowProblems)
        {
            n.AddBroken(broken);
        }

        return n.Finish();
    }

    /// <summary>Takes one data row.</summary>
    public void Add(RawRow row)
    {
        _rowsRead++;
        if (IsRagged(row))
        {
            if (_plan.Layout is not (Layout.Wide or Layout.Records))
            {
                TaintGroupOfRaggedRow(row);
            }

            Reject(row.Line, [ProblemCatalogue.RaggedRow(_file, row.Line, row.Fields.Length, _headerCount)]);
            return;
        }

        // A part of a breakdown waits for the file's end: its total may come later, or the parts may have to be summed.
        if (TryHold(row))
        {
            return;
        }

        Dispatch(row);
    }

    /// <summary>Reads a row by the file's layout.</summary>
    private void Dispatch(RawRow row)
    {
        switch (_plan.Layout)
        {
            case Layout.Wide:
                AddWide(row);
                break;
            case Layout.Records:
                AddRecord(row);
                break;
            default:
                AddLong(row);
                break;
        }
    }

    /// <summary>True when a row has more fields than the header (rejected whatever its layout).</summary>
    internal bool IsRagged(RawRow row) => row.Fields.Length > _headerCount;

    /// <summary>
    /// Takes a case record parsed elsewhere (<see cref="ParseRecord"/>, on a worker), in row order; null parts
    /// for a ragged row. The same as <see cref="Add"/> for a records file.
    /// </summary>
    internal void AddParsedRecord(RawRow row, RecordParts? parts)
    {
        _rowsRead++;
        if (parts is null)
        {
            Reject(row.Line, [ProblemCatalogue.RaggedRow(_file, row.Line, row.Fields.Length, _headerCount)]);
            return;
        }

        AddRecordParts(parts);
    }

    /// <summary>Takes a row the reader could not split (counted as read and rejected).</summary>
    public void AddBroken(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _rowsRead++;
        Reject(problem.Row ?? 0, [problem]);
    }

    /// <summary>Settles whole-file work and returns the result.</summary>
    public FileResult Finish()
    {
        ReleaseHeld();
        FinishLong();
        FinishRecords();
        RejectInFileDuplicates();
        DropObservationsOfRejectedRows();
        PlaceSummedParts();
        if (_measureAssumed)
        {
            _warnings.Add(ProblemCatalogue.MeasureAssumed(_file, _headerLine, Codes.Of(Measure.Children)));
        }

        var rowsRejected = _plan.Layout == Layout.Records ? _recordsRejected : _rejectedLines.Count;
        return new FileResult(_file, _observations, _rejects, _warnings, _rowsRead, _rejectedLines, rowsRejected)
        {
            RowsSetAside = _setAside.Rows,
            SetAside = _setAside.Entries(),
            SetAsideLines = _setAside.Lines,
        };
    }

    private void Reject(int line, IEnumerable<Problem> problems)
    {
        _rejects.AddRange(problems);

        // A case record is rejected once, before it is counted, and no figure draws on it: the count is enough,
        // and memory does not grow with the bad rows of a large file. Aggregate rows keep their lines, because
        // a figure of several rows is dropped when one of them is rejected.
        if (_plan.Layout == Layout.Records)
        {
            _recordsRejected++;
        }
        else
        {
            _rejectedLines.Add(line);
        }
    }

    /// <summary>
    /// Folds a cell for look-up, remembering recent answers: a file repeats the same States and labels on
    /// every row, and folding allocates. The memo is bounded so a file of distinct values cannot grow it.
    /// </summary>
    private string Fold(string text)
    {
        if (_foldMemo.TryGetValue(text, out var folded))
        {
            return folded;
        }

        folded = TextFold.Fold(text);
        if (_foldMemo.Count < MaxFoldMemo)
        {
            _foldMemo[text] = folded;
        }

        return folded;
    }

    private static string Cell(RawRow row, int index) => index < row.Fields.Length ? row.Fields[index] : string.Empty;

    /// <summary>The measure of a value: its column's hint, else the row's measure column, else the file default.</summary>
    private Measure MeasureFor(ColumnAssignment? column, Measure? rowMeasure)
    {
        if (column?.MeasureHint is { } hint)
        {
            return hint;
        }

        if (rowMeasure is { } m)
        {
            return m;
        }

        if (_fileMeasure is { } f)
        {
            return f;
        }

        _measureAssumed = true;
        return Measure.Children;
    }

    private void Emit(RowBasics b, Period period, Measure measure, LinkageCategory linkage, CellValue value, string column, int row, long records, LineSet lines) =>
        _observations.Add(new Observation(
            b.State.Alpha3,
            b.Area,
            b.Region,
            period,
            measure,
            linkage,
            value.Count,
            value.Flag,
            new SourceRef(_file, row, column, records, _fileIndex, lines))
        { WithheldBelow = value.Count is null ? value.Below : null });
}
