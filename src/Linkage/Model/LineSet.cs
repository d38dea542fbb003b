namespace Linkage.Model;

/// <summary>
/// The input lines a canonical value came from. Aggregate rows keep them in memory as sorted runs, built by
/// appending ascending lines. Case records keep them on disk (<see cref="IsExclusive"/>): each record is counted
/// in exactly one cell, and memory must not grow with the number of records.
/// </summary>
public sealed class LineSet
{
    private readonly List<(int Start, int End)> _runs = [];
    private readonly LineSpool? _spool;
    private readonly int _cell;
    private readonly int _first;

    /// <summary>An empty set, filled with <see cref="Add"/>.</summary>
    public LineSet()
    {
    }

    private LineSet(LineSpool spool, int cell, long count, int first)
    {
        _spool = spool;
        _cell = cell;
        _first = first;
        Count = count;
    }

    /// <summary>Number of lines in the set.</summary>
    public long Count { get; private set; }

    /// <summary>The first line (for case records: the first accepted); 0 when empty.</summary>
    public int First => _spool is not null ? _first : _runs.Count == 0 ? 0 : _runs[0].Start;

    /// <summary>
    /// True for the lines of case records: no other value draws on them, and they were never rejected, so
    /// checks for shared or rejected lines can pass over the set without reading it.
    /// </summary>
    public bool IsExclusive => _spool is not null;

    /// <summary>The lines of one cell of case records, kept in <paramref name="spool"/>.</summary>
    internal static LineSet Spooled(LineSpool spool, int cell, long count, int first) => new(spool, cell, count, first);

    /// <summary>A set holding one line.</summary>
    public static LineSet Of(int line)
    {
        var set = new LineSet();
        set.Add(line);
        return set;
    }

    /// <summary>Adds a line; lines should come in ascending order (others are merged in place, more slowly).</summary>
    public void Add(int line)
    {
        if (_spool is not null)
        {
            throw new InvalidOperationException("The lines of case records are fixed once counted.");
        }

        if (_runs.Count > 0)
        {
            var (s, e) = _runs[^1];
            if (line == e + 1)
            {
                _runs[^1] = (s, line);
                Count++;
                return;
            }

            if (line >= s && line <= e)
            {
                return;
            }

            if (line < s)
            {
                InsertSlow(line);
                return;
            }
        }

        _runs.Add((line, line));
        Count++;
    }

    /// <summary>Adds every line of another set.</summary>
    public void AddAll(LineSet other)
    {
        foreach (var line in other.Lines())
        {
            Add(line);
        }
    }

    /// <summary>The lines in ascending order (for case records: in the order they were accepted).</summary>
    public IEnumerable<int> Lines()
    {
        if (_spool is not null)
        {
            foreach (var line in _spool.LinesOf(_cell))
            {
                yield return line;
            }

            yield break;
        }

        foreach (var (s, e) in _runs)
        {
            for (var i = s; i <= e; i++)
            {
                yield return i;
            }
        }
    }

    // Out-of-order lines (rows held back until a file settles its date order) are placed by binary search,
    // merging with the neighbouring runs, so a large file does not pay a rebuild per line.
    private void InsertSlow(int line)
    {
        int lo = 0, hi = _runs.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_runs[mid].End < line)
            {
                lo = mid + 1;
            }
            else if (_runs[mid].Start > line)
            {
                hi = mid - 1;
            }
            else
            {
                return; // Already present.
            }
        }

        // Runs before lo end before the line; runs from lo on start after it.
        var joinsLeft = lo > 0 && _runs[lo - 1].End == line - 1;
        var joinsRight = lo < _runs.Count && _runs[lo].Start == line + 1;
        if (joinsLeft && joinsRight)
        {
            _runs[lo - 1] = (_runs[lo - 1].Start, _runs[lo].End);
            _runs.RemoveAt(lo);
        }
        else if (joinsLeft)
        {
            _runs[lo - 1] = (_runs[lo - 1].Start, line);
        }
        else if (joinsRight)
        {
            _runs[lo] = (line, _runs[lo].End);
        }
        else
        {
            _runs.Insert(lo, (line, line));
        }

        Count++;
    }
}
