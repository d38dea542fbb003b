using System.Globalization;

using Linkage.Problems;

namespace Linkage.Read;

/// <summary>
/// A table whose periods are columns (<c>Country,iso3,2019,2020,…</c>, or Eurostat's TSV, whose first header cell is
/// <c>freq,unit,…,geo\TIME_PERIOD</c> and whose cells are <c>72 </c>, <c>81 p</c>, <c>: c</c> or <c>: @C</c>), read as
/// the long table it stands for: one row per cell, with the row's own columns, <c>TIME_PERIOD</c>, <c>OBS_VALUE</c>
/// and, for Eurostat, <c>OBS_FLAG</c> and <c>CONF_STATUS</c>. Each such row keeps its physical line, so rows read
/// count cells (line × period), and a message names the line the cell is on.
/// </summary>
public sealed class PeriodColumnsTable : ISourceTable
{
    /// <summary>Header of the period column in the long form.</summary>
    public const string PeriodHeader = "TIME_PERIOD";

    /// <summary>Header of the value column in the long form.</summary>
    public const string ValueHeader = "OBS_VALUE";

    private readonly ISourceTable _inner;
    private readonly int _keys;
    private readonly string[] _periods;
    private readonly bool _eurostat;
    private readonly int _dimensions;
    private readonly List<Problem> _problems = [];

    private PeriodColumnsTable(ISourceTable inner, int keys, string[] periods, bool eurostat, IReadOnlyList<string> header, int dimensions)
    {
        _inner = inner;
        _keys = keys;
        _periods = periods;
        _eurostat = eurostat;
        _dimensions = dimensions;
        Header = header;
    }

    /// <summary>Why the table was read this way, for <c>validate</c>.</summary>
    public string Reason => string.Create(
        CultureInfo.InvariantCulture,
        $"periods as columns ({_periods[0]}…{_periods[^1]}, {_periods.Length} of them){(_eurostat ? ", Eurostat TSV" : string.Empty)}: each cell is read as a row");

    /// <inheritdoc/>
    public string File => _inner.File;

    /// <inheritdoc/>
    public SourceInfo Info => _inner.Info;

    /// <inheritdoc/>
    public IReadOnlyList<string> Header { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Problem> RowProblems => [.. _inner.RowProblems, .. _problems];

    /// <inheritdoc/>
    public long BytesRead => _inner.BytesRead;

    /// <inheritdoc/>
    public long TotalBytes => _inner.TotalBytes;

    /// <inheritdoc/>
    public string Sha256 => _inner.Sha256;

    /// <summary>
    /// Wraps <paramref name="table"/> when its header ends in two or more distinct periods (years, or quarters such as
    /// <c>2019Q1</c>) after at least one column that is not a period; otherwise returns null.
    /// </summary>
    public static PeriodColumnsTable? TryWrap(ISourceTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var header = table.Header;
        var first = header.Count;
        while (first > 0 && IsPeriod(header[first - 1].Trim()))
        {
            first--;
        }

        var periods = header.Skip(first).Select(h => h.Trim()).ToArray();
        if (first == 0 || periods.Length < 2 || periods.Distinct(StringComparer.OrdinalIgnoreCase).Count() != periods.Length)
        {
            return null;
        }

        // Eurostat: "freq,unit,sex,age,citizen,geo\TIME_PERIOD" names the dimensions joined in the first cell.
        var slash = header[0].IndexOf('\\', StringComparison.Ordinal);
        if (first == 1 && slash > 0)
        {
            var dims = header[0][..slash].Split(',').Select(d => d.Trim()).ToArray();
            if (dims.All(d => d.Length > 0))
            {
                return new PeriodColumnsTable(table, 1, periods, true, [.. dims, PeriodHeader, ValueHeader, "OBS_FLAG", "CONF_STATUS"], dims.Length);
            }
        }

        return new PeriodColumnsTable(table, first, periods, false, [.. header.Take(first), PeriodHeader, ValueHeader], first);
    }

    /// <inheritdoc/>
    public IEnumerable<RawRow> ReadRows()
    {
        foreach (var row in _inner.ReadRows())
        {
            string[] keys;
            if (_eurostat)
            {
                keys = row.Fields.Length > 0 ? row.Fields[0].Split(',') : [];
                if (keys.Length != _dimensions)
                {
                    _problems.Add(ProblemCatalogue.SeriesKeyBroken(File, row.Line, Header[0], row.Fields.Length > 0 ? row.Fields[0] : string.Empty, _dimensions));
                    continue;
                }
            }
            else
            {
                keys = [.. Enumerable.Range(0, _keys).Select(i => i < row.Fields.Length ? row.Fields[i] : string.Empty)];
            }

            for (var p = 0; p < _periods.Length; p++)
            {
                var at = _keys + p;
                var cell = at < row.Fields.Length ? row.Fields[at] : string.Empty;
                var fields = new string[Header.Count];
                keys.CopyTo(fields, 0);
                fields[_dimensions] = _periods[p];
                if (_eurostat)
                {
                    var (value, flag, confidential) = SplitEurostatCell(cell);
                    fields[_dimensions + 1] = value;
                    fields[_dimensions + 2] = flag;
                    fields[_dimensions + 3] = confidential;
                }
                else
                {
                    fields[_dimensions + 1] = cell;
                }

                yield return new RawRow(row.Line, fields);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _inner.Dispose();

    /// <summary>
    /// Splits a Eurostat TSV cell: <c>72 </c> is 72, <c>81 p</c> 81 flagged p, <c>: </c> no value, <c>: c</c> (until
    /// 2025) confidential as an observation flag, <c>: @C</c> (from 2025) confidential in CONF_STATUS.
    /// </summary>
    internal static (string Value, string Flag, string Confidential) SplitEurostatCell(string cell)
    {
        var text = cell.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var value = space < 0 ? text : text[..space];
        var flags = space < 0 ? string.Empty : text[(space + 1)..].Trim();
        if (value == ":")
        {
            value = string.Empty;
        }

        var confidential = string.Empty;
        var at = flags.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            confidential = flags[(at + 1)..].Trim();
            flags = flags[..at].Trim();
        }

        return (value, flags, confidential);
    }

    /// <summary>A year (1900–2100) or a quarter of one (<c>2019Q1</c>, <c>2019-Q1</c>) written as a column header.</summary>
    internal static bool IsPeriod(string text)
    {
        static bool Year(ReadOnlySpan<char> s) =>
            s.Length == 4 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100;

        var s = text.AsSpan();
        if (Year(s))
        {
            return true;
        }

        if (s.Length is 6 or 7 && Year(s[..4]))
        {
            var rest = s[4..];
            if (rest[0] == '-')
            {
                rest = rest[1..];
            }

            return rest.Length == 2 && (rest[0] is 'Q' or 'q') && rest[1] is >= '1' and <= '4';
        }

        return false;
    }
}
