using ExcelDataReader;

using Linkage.Problems;

namespace Linkage.Read;

/// <summary>A worksheet of an XLSX workbook opened for streaming with ExcelDataReader; the line of a row is its worksheet row number.</summary>
internal sealed class XlsxSourceTable : ISourceTable
{
    private readonly IExcelDataReader _reader;
    private readonly Queue<RawRow> _buffered;
    private readonly List<Problem> _problems = [];
    private readonly string[] _header;
    private int _lastLine;
    private bool _started;
    private bool _disposed;

    private XlsxSourceTable(string file, string sha256, IExcelDataReader reader, string sheet, RawRow header, IEnumerable<RawRow> buffered, int lastLine)
    {
        File = file;
        Sha256 = sha256;
        _reader = reader;
        _header = header.Fields;
        _buffered = new Queue<RawRow>(buffered);
        _lastLine = lastLine;
        Info = new SourceInfo("xlsx", null, null, null, null, sheet, header.Line);
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

    /// <summary>Opens the requested (or first) worksheet of the workbook in <paramref name="stream"/>, which the table then owns.</summary>
    public static ReadOutcome Open(string file, Stream stream, string sha256, string? sheet)
    {
        IExcelDataReader? reader = null;
        try
        {
            reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            var names = new List<string>();
            var found = sheet is null;
            while (!found)
            {
                names.Add(reader.Name ?? "");
                found = string.Equals(reader.Name, sheet, StringComparison.Ordinal)
                    || string.Equals(reader.Name?.Trim(), sheet?.Trim(), StringComparison.OrdinalIgnoreCase);
                if (!found && !reader.NextResult())
                {
                    reader.Dispose();
                    return ReadOutcome.Failed(ProblemCatalogue.SheetNotFound(file, sheet!, names), sha256);
                }
            }

            var sheetName = reader.Name ?? "";
            var rows = new List<RawRow>();
            var lastLine = 0;
            while (rows.Count <= HeaderDetector.SearchRows && reader.Read())
            {
                lastLine = reader.Depth + 1;
                if (RowOf(reader) is { } row)
                {
                    rows.Add(row);
                }
            }

            if (rows.Count == 0)
            {
                reader.Dispose();
                return ReadOutcome.Failed(ProblemCatalogue.SheetEmpty(file, sheetName), sha256);
            }

            var headerIndex = HeaderDetector.Find([.. rows.Select(static r => new ProbeRecord(r.Line, 1, r.Fields))]);
            var table = new XlsxSourceTable(file, sha256, reader, sheetName, rows[headerIndex], rows.Skip(headerIndex + 1), lastLine);
            reader = null;
            if (table._buffered.Count == 0 && !table.PeekNextRow())
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

    private static RawRow? RowOf(IExcelDataReader reader)
    {
        var fields = new string[reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = FieldText.Clean(CellText.Format(reader.GetValue(i)));
        }

        var trimmed = FieldText.TrimTrailingEmpty(fields);
        return trimmed.Length == 0 ? null : new RawRow(reader.Depth + 1, trimmed);
    }

    private IEnumerable<RawRow> Stream()
    {
        while (_buffered.Count > 0 || PeekNextRow())
        {
            yield return _buffered.Dequeue();
        }
    }

    /// <summary>Reads the worksheet up to the next non-blank row and queues it; false at the end (or after a damaged part).</summary>
    private bool PeekNextRow()
    {
        try
        {
            while (_reader.Read())
            {
                _lastLine = _reader.Depth + 1;
                if (RowOf(_reader) is { } row)
                {
                    _buffered.Enqueue(row);
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
}
