using Linkage.Problems;

namespace Linkage.Read;

/// <summary>
/// An opened table whose first data row has been looked at, for a file that a value (not only its header) tells
/// apart, and that still streams that row first: the rows are read once, and none is lost.
/// </summary>
public sealed class PeekedSourceTable : ISourceTable
{
    private readonly ISourceTable _inner;
    private readonly IEnumerator<RawRow> _rows;
    private readonly RawRow? _first;
    private bool _started;

    /// <summary>Starts reading <paramref name="inner"/> and keeps its first data row.</summary>
    /// <param name="inner">The opened table; the caller still disposes it, after this one.</param>
    public PeekedSourceTable(ISourceTable inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _rows = inner.ReadRows().GetEnumerator();
        _first = _rows.MoveNext() ? _rows.Current : null;
    }

    /// <summary>The first data row, or null when the file has none.</summary>
    public RawRow? First => _first;

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
        if (_first is not { } first)
        {
            yield break;
        }

        yield return first;
        while (_rows.MoveNext())
        {
            yield return _rows.Current;
        }
    }
}
