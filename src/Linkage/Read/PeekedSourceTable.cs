using Linkage.Problems;

namespace Linkage.Read;

/// <summary>
/// An opened table whose first data rows have been looked at (a file's values, not only its header, tell what its
/// columns are), and that still streams those rows first: the rows are read once, and none is lost.
/// </summary>
public sealed class PeekedSourceTable : ISourceTable
{
    private readonly ISourceTable _inner;
    private readonly IEnumerator<RawRow> _rows;
    private readonly List<RawRow> _sample = [];
    private bool _started;

    /// <summary>Starts reading <paramref name="inner"/> and keeps its first <paramref name="rows"/> data rows.</summary>
    /// <param name="inner">The opened table; the caller still disposes it, after this one.</param>
    /// <param name="rows">How many rows to look at (at least one).</param>
    public PeekedSourceTable(ISourceTable inner, int rows = 1)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _rows = inner.ReadRows().GetEnumerator();
        while (_sample.Count < Math.Max(1, rows) && _rows.MoveNext())
        {
            _sample.Add(_rows.Current);
        }
    }

    /// <summary>The first data row, or null when the file has none.</summary>
    public RawRow? First => _sample.Count > 0 ? _sample[0] : null;

    /// <summary>The rows looked at, in file order.</summary>
    public IReadOnlyList<RawRow> Sample => _sample;

    /// <inheritdoc/>
    public string File => _inner.File;

    /// <inheritdoc/>
    public SourceInfo Info => _inner.Info;

    /// <inheritdoc/>
    public IReadOnlyList<string> Header => _inner.Header;

    /// <inheritdoc/>
    public IReadOnlyList<Problem> RowProblems => _inner.RowProblems;

    /// <inheritdoc/>
    public long BytesRead => _inner.BytesRead;

    /// <inheritdoc/>
    public long TotalBytes => _inner.TotalBytes;

    /// <inheritdoc/>
    public string Sha256 => _inner.Sha256;

    /// <inheritdoc/>
    public IEnumerable<RawRow> ReadRows()
    {
        if (_started)
        {
            throw new InvalidOperationException("The rows of a table are read once.");
        }

        _started = true;
        return Rest();
    }

    /// <summary>Stops the row enumeration; the inner table is the caller's to dispose.</summary>
    public void Dispose() => _rows.Dispose();

    private IEnumerable<RawRow> Rest()
    {
        foreach (var row in _sample)
        {
            yield return row;
        }

        while (_rows.MoveNext())
        {
            yield return _rows.Current;
        }
    }
}
