using CsvHelper;

using Linkage.Problems;

namespace Linkage.Read;

/// <summary>Row streaming of <see cref="CsvSourceTable"/>: blank lines, broken quotes and undecodable bytes.</summary>
internal sealed partial class CsvSourceTable
{
    private IEnumerable<RawRow> Rows()
    {
        if (_swallowedByHeader is { } swallowed)
        {
            foreach (var row in Resplit(swallowed.Text, swallowed.FirstLine))
            {
                yield return row;
            }
        }

        while (TryRead())
        {
            var line = CurrentLine();
            var malformed = _malformed is { } m && m.Line == line ? m : null;
            _malformed = null;
            if (BrokenQuote(malformed) is { } raw)
            {
                // A quote that is not closed on its line swallows the lines after it (to the end of the file, or
                // to the next quote). Report the line with the quote, then read the swallowed lines as rows.
                var (first, rest) = SplitFirstLine(raw);
                _problems.Add(ProblemCatalogue.RowBrokenQuote(File, line, first));
                foreach (var row in Resplit(rest, line + 1))
                {
                    yield return row;
                }

                continue;
            }

            if (Accept(line, CleanFields()) is { } accepted)
            {
                yield return accepted;
            }
        }
    }

    /// <summary>
    /// The raw text of the current record when its quoting is broken: a quote never closed, or a record that
    /// runs over several lines and either has a quoting problem, a field count other than the header's, or a
    /// quoted field holding both a line break and the delimiter.
    /// </summary>
    private string? BrokenQuote(Malformed? malformed)
    {
        if (malformed is { Reason: CsvMalformedReason.UnterminatedQuote })
        {
            return malformed.Raw;
        }

        if (malformed is null && _csv.FieldCount == _headerFieldCount && !SwallowsRows(Math.Max(2, _headerFieldCount - 2)))
        {
            return null;
        }

        var raw = malformed?.Raw ?? RawRecord();
        return raw.AsSpan().ContainsAny('\r', '\n') ? raw : null;
    }

    /// <summary>
    /// The raw text of the header record when a quote in it is broken: never closed, or closed lines later after
    /// swallowing lines that look like rows (as many delimiters as the header's first line has fields, less two).
    /// A header cell that holds a line break in a properly quoted name ("Number of↵children") is left alone.
    /// </summary>
    private string? BrokenHeaderQuote(Malformed? malformed)
    {
        var raw = malformed?.Raw ?? RawRecord();
        var end = raw.AsSpan().IndexOfAny('\r', '\n');
        if (end < 0 || _options.Separator is not { } separator)
        {
            return null;
        }

        var firstLineFields = raw.AsSpan(0, end).Count(separator) + 1;
        return malformed is { Reason: CsvMalformedReason.UnterminatedQuote } || SwallowsRows(Math.Max(2, firstLineFields - 2)) ? raw : null;
    }

    /// <summary>
    /// True when a quoted field of the current record holds, after a line break, a line that looks like a row of
    /// its own (at least <paramref name="rowLike"/> delimiters: the header's columns less two, and at least two): two stray
    /// quotes that pair up across lines swallow whole rows that way. A multi-line comment ("one, two↵three") is
    /// left alone.
    /// </summary>
    private bool SwallowsRows(int rowLike)
    {
        // Almost every record is on one line: decide that from the raw bytes, without building field strings.
        if (_options.Separator is not { } separator || _csv.RawRecord.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            return false;
        }

        for (var i = 0; i < _csv.FieldCount; i++)
        {
            var field = _csv.GetString(i);
            if (!field.AsSpan().ContainsAny('\r', '\n'))
            {
                continue;
            }

            foreach (var piece in field.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Skip(1))
            {
                if (piece.Count(c => c == separator) >= rowLike)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Reads text swallowed by a broken quote again, one record per line, so each line becomes a row or a problem.</summary>
    private IEnumerable<RawRow> Resplit(string text, int firstLine)
    {
        Malformed? bad = null;
        var options = _options with
        {
            AllowLineBreaksInQuotes = false,
            MaxRecordSize = null,
            OnMalformedRecord = m => bad = new Malformed(m.LineNumber, m.Reason, m.RawRecord),
        };
        using var sub = CsvReader.Create(new StringReader(text), options, leaveOpen: false);
        while (sub.Read())
        {
            var line = firstLine + (int)sub.LineNumber - 1;
            if (bad is { Reason: CsvMalformedReason.LineBreakInQuotes or CsvMalformedReason.UnterminatedQuote } b && b.Line == sub.LineNumber)
            {
                bad = null;
                _problems.Add(ProblemCatalogue.RowBrokenQuote(File, line, SplitFirstLine(b.Raw).First));
                continue;
            }

            bad = null;
            var fields = new string[sub.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = FieldText.Clean(sub.GetString(i));
            }

            if (Accept(line, fields) is { } accepted)
            {
                yield return accepted;
            }
        }
    }

    /// <summary>
    /// Turns cleaned fields into a row; null for a blank line (skipped), or for undecodable bytes or characters that
    /// are not text (U+FFFE, U+FFFF), which become a row problem.
    /// </summary>
    private RawRow? Accept(int line, string[] fields)
    {
        var trimmed = FieldText.TrimTrailingEmpty(fields);
        if (trimmed.Length == 0)
        {
            return null;
        }

        foreach (var field in trimmed)
        {
            if (field.Contains(EncodingGuess.Invalid, StringComparison.Ordinal))
            {
                _problems.Add(ProblemCatalogue.RowInvalidEncoding(File, line, _encoding.Name, _encoding.Reason));
                return null;
            }
        }

        // Decoding turns a lone surrogate into U+FFFD (found above); U+FFFE and U+FFFF decode as they are.
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (FieldText.IndexOfInvalid(trimmed[i]) is var at and >= 0)
            {
                var column = i < _header.Length && _header[i].Length > 0 ? _header[i] : null;
                _problems.Add(ProblemCatalogue.RowInvalidText(File, line, column, FieldText.ReplaceInvalid(trimmed[i]), FieldText.DescribeInvalid(trimmed[i], at)));
                return null;
            }
        }

        return new RawRow(line, trimmed);
    }

    private static (string First, string Remainder) SplitFirstLine(string raw)
    {
        var end = raw.AsSpan().IndexOfAny('\r', '\n');
        if (end < 0)
        {
            return (raw, "");
        }

        var next = raw[end] == '\r' && end + 1 < raw.Length && raw[end + 1] == '\n' ? end + 2 : end + 1;
        return (raw[..end], raw[next..]);
    }
}
