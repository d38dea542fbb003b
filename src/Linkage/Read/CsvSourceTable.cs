using System.Text;

using CsvHelper;

using Linkage.Problems;

namespace Linkage.Read;

/// <summary>
/// A CSV file opened for streaming: CsvHelper splits records from text decoded with the detected encoding,
/// this class skips the preamble and blank lines, cleans fields and turns broken rows into row problems.
/// </summary>
internal sealed partial class CsvSourceTable : ISourceTable
{
    /// <summary>Largest record, in MiB, that CsvHelper buffers by default; a longer one is almost always a quote never closed.</summary>
    public const int DefaultMaxRecordMiB = 64;

    private readonly HashingStream _hashing;
    private readonly CsvReader _csv;
    private readonly CsvReaderOptions _options;
    private readonly EncodingGuess _encoding;
    private readonly List<Problem> _problems = [];
    private bool _interrupted;
    private readonly IEnumerator<RawRow> _rows;
    private readonly string[] _header;
    private readonly int _maxRecordMiB;
    private Malformed? _malformed;
    private (string Text, int FirstLine)? _swallowedByHeader;
    private int _headerFieldCount;
    private int _lastLine;
    private bool _hasPeeked;
    private bool _started;
    private bool _enumerating;
    private bool _drained;
    private bool _disposed;

    private CsvSourceTable(string file, HashingStream hashing, byte[] prefix, int prefixLength, EncodingGuess encoding, char delimiter, string delimiterReason, int headerLine, int maxRecordMiB)
    {
        File = file;
        _maxRecordMiB = maxRecordMiB;
        _hashing = hashing;
        _encoding = encoding;
        _options = new CsvReaderOptions
        {
            Separator = delimiter,
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            DetectSeparatorHint = false,
            MaxRecordSize = maxRecordMiB << 20,
            OnMalformedRecord = m => _malformed = new Malformed(m.LineNumber, m.Reason, m.RawRecord),
        };
        var text = new StreamReader(
            new PrefixedStream(prefix, encoding.BomLength, prefixLength - encoding.BomLength, hashing),
            encoding.Encoding,
            detectEncodingFromByteOrderMarks: false,
            bufferSize: 65536);
        _csv = CsvReader.Create(text, _options, leaveOpen: false);
        _header = ReadHeader(headerLine, out var actualHeaderLine, out var preamble);
        Info = new SourceInfo("csv", encoding.Name, encoding.Reason, delimiter, delimiterReason, null, actualHeaderLine, preamble, HeaderQuoteBroken);
        _rows = Rows().GetEnumerator();
    }

    /// <inheritdoc/>
    public string File { get; }

    /// <summary>True when the header had a quote not closed on its line (set while the header is read).</summary>
    private bool HeaderQuoteBroken { get; set; }

    /// <inheritdoc/>
    public SourceInfo Info { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Header => _header;

    /// <inheritdoc/>
    public IReadOnlyList<Problem> RowProblems => _problems;

    /// <inheritdoc/>
    public long BytesRead => _hashing.BytesRead;

    /// <inheritdoc/>
    public long TotalBytes => _hashing.TotalBytes;

    /// <inheritdoc/>
    public string Sha256
    {
        get
        {
            if (_hashing.HashHex is { } done)
            {
                return done;
            }

            if (_enumerating)
            {
                throw new InvalidOperationException("The SHA-256 is known only after ReadRows() has been enumerated to the end.");
            }

            // Nobody is reading rows: hash the rest of the file now; rows can no longer be read afterwards.
            _drained = true;
            return _hashing.Drain();
        }
    }

    /// <summary>Opens the table, reading up to the first data row; returns a problem for a header-only file or an invalid header.</summary>
    public static ReadOutcome Open(string file, HashingStream hashing, byte[] prefix, int prefixLength, EncodingGuess encoding, char delimiter, string delimiterReason, int headerLine, int maxRecordMiB)
    {
        var table = new CsvSourceTable(file, hashing, prefix, prefixLength, encoding, delimiter, delimiterReason, headerLine, maxRecordMiB);
        Problem? problem = null;
        if (table._header.Any(static f => f.Contains(EncodingGuess.Invalid, StringComparison.Ordinal)))
        {
            problem = ProblemCatalogue.HeaderInvalidEncoding(file, table.Info.HeaderLine, encoding.Name, encoding.Reason);
        }
        else if (table._header.FirstOrDefault(static f => FieldText.IndexOfInvalid(f) >= 0) is { } invalid)
        {
            problem = ProblemCatalogue.HeaderInvalidText(
                file, table.Info.HeaderLine, null, null, FieldText.ReplaceInvalid(invalid), FieldText.DescribeInvalid(invalid, FieldText.IndexOfInvalid(invalid)));
        }
        else if (!(table._hasPeeked = table._rows.MoveNext()) && table._problems.Count == 0)
        {
            problem = ProblemCatalogue.HeaderOnly(file, table.Info.HeaderLine);
        }

        if (problem is null)
        {
            return ReadOutcome.Opened(table);
        }

        var sha = table.Sha256;
        table.Dispose();
        return ReadOutcome.Failed(problem, sha);
    }

    /// <inheritdoc/>
    public IEnumerable<RawRow> ReadRows()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_started || _drained)
        {
            throw new InvalidOperationException("ReadRows() streams the file once; it has already been read.");
        }

        _started = true;
        return Stream();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _rows.Dispose();
        _csv.Dispose();
        _hashing.Dispose();
    }

    private IEnumerable<RawRow> Stream()
    {
        _enumerating = true;
        try
        {
            if (_hasPeeked)
            {
                yield return _rows.Current;
                while (_rows.MoveNext())
                {
                    yield return _rows.Current;
                }
            }

            _hashing.Drain();
            if (_hashing.Interrupted)
            {
                Interrupted();
            }
        }
        finally
        {
            _enumerating = false;
        }
    }

    private string[] ReadHeader(int headerLine, out int actualLine, out int preamble)
    {
        // Records before the detected header line are the preamble (titles); the detector and CsvHelper
        // split records by the same rules, so the header record starts on headerLine.
        preamble = 0;
        while (TryRead())
        {
            var line = CurrentLine();
            var malformed = _malformed is { } m && m.Line == line ? m : null;
            _malformed = null;
            var fields = FieldText.TrimTrailingEmpty(CleanFields());
            if (line >= headerLine && fields.Length > 0)
            {
                actualLine = line;
                _headerFieldCount = _csv.FieldCount;
                if (BrokenHeaderQuote(malformed) is { } raw)
                {
                    // A stray quote in the header swallows the data lines after it into one header cell. The header is
                    // its own line, read without quotes; the swallowed lines are read as rows (and reported) like
                    // those after a broken quote in a data row.
                    var (first, rest) = SplitFirstLine(raw);
                    var cells = first.Replace("\"", string.Empty, StringComparison.Ordinal).Split(_options.Separator!.Value);
                    _headerFieldCount = cells.Length;
                    _swallowedByHeader = (rest, line + 1);
                    HeaderQuoteBroken = true;
                    return FieldText.TrimTrailingEmpty([.. cells.Select(FieldText.Clean)]);
                }

                return fields;
            }

            if (fields.Length > 0)
            {
                preamble++;
            }
        }

        actualLine = headerLine;
        return [];
    }

    private int CurrentLine() => _lastLine = (int)Math.Min(_csv.LineNumber, int.MaxValue);

    private string[] CleanFields()
    {
        var fields = new string[_csv.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = FieldText.Clean(_csv.GetString(i));
        }

        return fields;
    }

    private string RawRecord() => Encoding.UTF8.GetString(_csv.RawRecord);

    private bool TryRead()
    {
        try
        {
            return _csv.Read();
        }
        catch (CsvFormatException ex)
        {
            var line = ex.LineNumber > 0 ? (int)Math.Min(ex.LineNumber, int.MaxValue) : _lastLine + 1;
            _problems.Add(ProblemCatalogue.RowTooLarge(File, line, _maxRecordMiB));
            return false;
        }
        catch (IOException)
        {
            Interrupted();
            return false;
        }
    }

    /// <summary>Records, once, that an input/output error ended the read (the parser's or the hash's, whichever met it first).</summary>
    private void Interrupted()
    {
        if (!_interrupted)
        {
            _interrupted = true;
            _problems.Add(ProblemCatalogue.ReadInterrupted(File, _lastLine, "input/output error"));
        }
    }

    /// <summary>A record CsvHelper reported as malformed, kept until the record itself is returned.</summary>
    private sealed record Malformed(long Line, CsvMalformedReason Reason, string Raw);
}
