using System.Collections.Concurrent;

using ExcelDataReader;

using Linkage.Problems;

namespace Linkage.Read;

/// <summary>
/// A worksheet of an XLSX workbook opened for streaming with ExcelDataReader; the line of a row is its worksheet row
/// number. A data row with an Excel error cell (which ExcelDataReader reads as empty) or with text that is not valid
/// Unicode becomes a row problem instead of a row.
/// </summary>
internal sealed class XlsxSourceTable : ISourceTable
{
    private readonly IExcelDataReader _reader;
    private readonly XlsxSheetScan _scan;
    private readonly Queue<RawRow> _buffered = new();
    private readonly List<Problem> _problems = [];
    private readonly string[] _header;
    private readonly string _sheet;
    private int _lastLine;
    private bool _started;
    private bool _disposed;

    private XlsxSourceTable(string file, string sha256, IExcelDataReader reader, XlsxSheetScan scan, string sheet, SheetRow header, int lastLine, int preambleRows)
    {
        File = file;
        Sha256 = sha256;
        _reader = reader;
        _scan = scan;
        _sheet = sheet;
        _header = header.Fields;
        _lastLine = lastLine;
        Info = new SourceInfo("xlsx", null, null, null, null, sheet, header.Line, preambleRows);
    }

    /// <inheritdoc/>
    public string File { get; }

    /// <inheritdoc/>
    public SourceInfo Info { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Header => _header;

    /// <inheritdoc/>
    public IReadOnlyList<Problem> RowProblems => _problems;

    /// <inheritdoc/>
    public string Sha256 { get; }

    private const int MaxHeaderRow = ReadOptions.MaxHeaderRow;

    /// <summary>Opens the requested (or first) worksheet of the workbook in <paramref name="stream"/>, which the table then owns.</summary>
    public static ReadOutcome Open(string file, Stream stream, string sha256, string? sheet) => Open(file, stream, sha256, new ReadOptions { Sheet = sheet });

    /// <summary>Opens the worksheet <see cref="ReadOptions.Sheet"/> (the first when null), its header at <see cref="ReadOptions.HeaderRow"/> when given.</summary>
    public static ReadOutcome Open(string file, Stream stream, string sha256, ReadOptions options)
    {
        var sheet = options.Sheet;
        IExcelDataReader? reader = null;

        // The error-cell scan reads the first sheet's XML through a handle of its own, on the other core, while
        // ExcelDataReader makes its whole-sheet pass.
        var early = sheet is null && stream is FileStream { Name: { Length: > 0 } path } ? Task.Run(() => XlsxSheetScan.ReadFirstSheet(path)) : null;
        try
        {
            reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            var names = new List<string>();
            var index = 0;
            var found = sheet is null;
            while (!found)
            {
                names.Add(reader.Name ?? "");
                found = string.Equals(reader.Name, sheet, StringComparison.Ordinal)
                    || string.Equals(reader.Name?.Trim(), sheet?.Trim(), StringComparison.OrdinalIgnoreCase);
                if (!found)
                {
                    if (!reader.NextResult())
                    {
                        reader.Dispose();
                        return ReadOutcome.Failed(ProblemCatalogue.SheetNotFound(file, sheet!, names), sha256);
                    }

                    index++;
                }
            }

            var sheetName = reader.Name ?? "";
            var scan = Settled(early) is { } scanned && index == 0 && scanned.SheetName == sheetName
                ? scanned
                : XlsxSheetScan.Read(stream, index, sheetName);

            // Rows up to the header search limit; blank rows are kept only when they hold an error cell.
            var rows = new List<SheetRow>();
            var nonBlank = 0;
            var lastLine = 0;
            while ((nonBlank <= HeaderDetector.SearchRows || (options.HeaderRow is { } wanted && lastLine < wanted && lastLine < MaxHeaderRow)) && reader.Read())
            {
                var row = RowOf(reader, scan);
                lastLine = row.Line;
                if (row.Fields.Length > 0)
                {
                    nonBlank++;
                    rows.Add(row);
                }
                else if (row.Error is not null)
                {
                    rows.Add(row);
                }
            }

            var candidates = rows.Where(static r => r.Fields.Length > 0).ToList();
            if (candidates.Count == 0)
            {
                reader.Dispose();
                return ReadOutcome.Failed(ProblemCatalogue.SheetEmpty(file, sheetName), sha256);
            }

            var probes = candidates.Select(static r => new ProbeRecord(r.Line, 1, r.Fields)).ToList();
            var headerIndex = options.HeaderRow is { } forcedHeader ? HeaderDetector.FindLine(probes, forcedHeader) : HeaderDetector.Find(probes);
            if (headerIndex < 0)
            {
                reader.Dispose();
                return ReadOutcome.Failed(ProblemCatalogue.HeaderRowNotFound(file, options.HeaderRow!.Value, MaxHeaderRow), sha256);
            }

            var header = candidates[headerIndex];
            if (HeaderProblem(file, sheetName, header) is { } headerProblem)
            {
                reader.Dispose();
                return ReadOutcome.Failed(headerProblem, sha256);
            }

            var table = new XlsxSourceTable(file, sha256, reader, scan, sheetName, header, lastLine, headerIndex);
            reader = null;
            foreach (var row in rows.Where(r => r.Line > header.Line))
            {
                table.Accept(row);
            }

            if (table._buffered.Count == 0 && !table.PeekNextRow() && table._problems.Count == 0)
            {
                var line = table.Info.HeaderLine;
                table.Dispose();
                return ReadOutcome.Failed(ProblemCatalogue.HeaderOnly(file, line), sha256);
            }

            return ReadOutcome.Opened(table);
        }
        catch (Exception ex) when (IsDamagedWorkbook(ex))
        {
            reader?.Dispose();
            stream.Dispose();
            return ReadOutcome.Failed(ProblemCatalogue.NotWorkbook(file, ex.Message), sha256);
        }
        finally
        {
            // Never leave the scan's own handle open behind a failed open.
            Settled(early);
        }
    }

    /// <summary>The early scan once it has finished; null when there was none or it failed (the scan is then made again in line).</summary>
    private static XlsxSheetScan? Settled(Task<XlsxSheetScan?>? early)
    {
        if (early is null)
        {
            return null;
        }

        try
        {
            return early.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (IsDamagedWorkbook(ex) || ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public IEnumerable<RawRow> ReadRows()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_started)
        {
            throw new InvalidOperationException("ReadRows() streams the worksheet once; it has already been read.");
        }

        _started = true;
        return Stream();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _reader.Dispose();
        }
    }

    /// <summary>Exceptions by which ExcelDataReader and the zip and XML layers under it report a damaged workbook.</summary>
    internal static bool IsDamagedWorkbook(Exception ex) =>
        ex is InvalidDataException or ExcelDataReader.Exceptions.ExcelReaderException or System.Xml.XmlException
            or FormatException or InvalidCastException or NotSupportedException or IndexOutOfRangeException
            or ArgumentException or KeyNotFoundException or NullReferenceException or InvalidOperationException;

    /// <summary>The current worksheet row as cleaned text (trailing empty cells dropped), with its first error cell if any.</summary>
    private static SheetRow RowOf(IExcelDataReader reader, XlsxSheetScan scan)
    {
        var line = reader.Depth + 1;
        var fields = new string[reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            var text = reader.GetValue(i) is DateTime date
                ? CellText.FormatDate(date, reader.GetNumberFormatString(i), scan.Date1904)
                : CellText.Format(reader.GetValue(i));
            fields[i] = FieldText.Clean(text);
        }

        return new SheetRow(line, FieldText.TrimTrailingEmpty(fields), scan.ErrorIn(line));
    }

    /// <summary>A problem when a header cell holds text that is not valid Unicode (later stages could not read the column names).</summary>
    private static Problem? HeaderProblem(string file, string sheet, SheetRow header)
    {
        for (var i = 0; i < header.Fields.Length; i++)
        {
            var field = header.Fields[i];
            if (FieldText.IndexOfInvalid(field) is var at and >= 0)
            {
                return ProblemCatalogue.HeaderInvalidText(
                    file, header.Line, sheet, XlsxSheetScan.CellReference(i, header.Line), FieldText.ReplaceInvalid(field), FieldText.DescribeInvalid(field, at));
            }
        }

        return null;
    }

    /// <summary>Rows handed from the reading thread to the caller at a time: one hand-over per batch, not per row.</summary>
    private const int Batch = 512;

    /// <summary>
    /// Streams the rows: those queued while the header was found, then the rest, which a second thread reads (the XML
    /// parsing and cell formatting of ExcelDataReader) while the caller normalises the rows before them. At most
    /// <see cref="Batch"/> × 16 rows are ahead, so memory stays bounded; a caller that stops early stops the reader.
    /// </summary>
    private IEnumerable<RawRow> Stream()
    {
        while (_buffered.Count > 0)
        {
            yield return _buffered.Dequeue();
        }

        using var stop = new CancellationTokenSource();
        using var ahead = new BlockingCollection<RawRow[]>(boundedCapacity: 16);
        var reader = Task.Run(() => ReadAhead(ahead, stop.Token), CancellationToken.None);
        var finished = false;
        try
        {
            foreach (var batch in ahead.GetConsumingEnumerable(CancellationToken.None))
            {
                foreach (var row in batch)
                {
                    yield return row;
                }
            }

            finished = true;
        }
        finally
        {
            if (!finished)
            {
                stop.Cancel();
            }

            // The reading thread is done before the table is used again (its problems, its disposal); its own
            // exception, if any, is the caller's.
            reader.GetAwaiter().GetResult();
        }
    }

    /// <summary>Reads the rest of the worksheet into <paramref name="ahead"/> in batches, until the end or until stopped.</summary>
    private void ReadAhead(BlockingCollection<RawRow[]> ahead, CancellationToken stop)
    {
        try
        {
            var batch = new List<RawRow>(Batch);
            while (!stop.IsCancellationRequested && PeekNextRow())
            {
                batch.Add(_buffered.Dequeue());
                if (batch.Count == Batch)
                {
                    ahead.Add([.. batch], stop);
                    batch.Clear();
                }
            }

            if (batch.Count > 0 && !stop.IsCancellationRequested)
            {
                ahead.Add([.. batch], stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The caller stopped reading: nothing more is wanted.
        }
        finally
        {
            ahead.CompleteAdding();
        }
    }

    /// <summary>Reads the worksheet up to the next row that is read as a row and queues it; false at the end (or after a damaged part).</summary>
    private bool PeekNextRow()
    {
        try
        {
            while (_reader.Read())
            {
                var row = RowOf(_reader, _scan);
                _lastLine = row.Line;
                if (Accept(row))
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (IsDamagedWorkbook(ex) || ex is IOException)
        {
            _problems.Add(ProblemCatalogue.ReadInterrupted(File, _lastLine, "the workbook is damaged: " + ex.Message));
        }

        return false;
    }

    /// <summary>
    /// Queues a data row and returns true; or records a row problem for an error cell or invalid text, or skips a
    /// blank row, and returns false.
    /// </summary>
    private bool Accept(SheetRow row)
    {
        if (row.Error is { } error)
        {
            _problems.Add(ProblemCatalogue.RowFormulaError(
                File, _sheet, XlsxSheetScan.CellReference(error.Column, row.Line), row.Line, ColumnName(error.Column), error.Error, error.Others));
            return false;
        }

        for (var i = 0; i < row.Fields.Length; i++)
        {
            var field = row.Fields[i];
            if (FieldText.IndexOfInvalid(field) is var at and >= 0)
            {
                _problems.Add(ProblemCatalogue.CellInvalidText(
                    File, _sheet, XlsxSheetScan.CellReference(i, row.Line), row.Line, ColumnName(i), FieldText.ReplaceInvalid(field), FieldText.DescribeInvalid(field, at)));
                return false;
            }
        }

        if (row.Fields.Length == 0)
        {
            return false;
        }

        _buffered.Enqueue(new RawRow(row.Line, row.Fields));
        return true;
    }

    /// <summary>The header name of a 0-based column, or null beyond the header or for an empty header cell.</summary>
    private string? ColumnName(int column) => column < _header.Length && _header[column].Length > 0 ? _header[column] : null;

    /// <summary>One worksheet row as read: its number, cleaned fields, and its first Excel error cell if any.</summary>
    private readonly record struct SheetRow(int Line, string[] Fields, XlsxErrorCell? Error);
}
