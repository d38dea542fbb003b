namespace Linkage.Model;

/// <summary>
/// The input lines a canonical value came from, kept as sorted runs so that millions of case records
/// aggregated into one count cost a few runs, not millions of integers. Built by appending ascending lines.
/// </summary>
public sealed class LineSet
{
    private readonly List<(int Start, int End)> _runs = [];

    /// <summary>Number of lines in the set.</summary>
    public long Count { get; private set; }

    /// <summary>The first line; 0 when empty.</summary>
    public int First => _runs.Count == 0 ? 0 : _runs[0].Start;

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

    /// <summary>The lines in ascending order.</summary>
    public IEnumerable<int> Lines()
    {
        foreach (var (s, e) in _runs)
        {
            for (var i = s; i <= e; i++)
            {
                yield return i;
            }
        }
    }

    private void InsertSlow(int line)
    {
        var all = new SortedSet<int>(Lines()) { line };
        _runs.Clear();
        Count = 0;
        foreach (var l in all)
        {
            Add(l);
        }
    }
}
