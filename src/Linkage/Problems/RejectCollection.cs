using System.Collections;
using System.Text;

using Linkage.Model;

namespace Linkage.Problems;

/// <summary>
/// The row-level problems of one file. A few thousand are kept in memory; beyond that they are sorted by row and
/// written to a scratch file in runs, so a file of millions of bad rows does not grow memory. Enumeration gives
/// the problems ordered by row (stable: problems of one row keep the order they were added in), merging the runs.
/// The scratch file has no name and is closed when the collection is collected.
/// </summary>
public sealed class RejectCollection : IReadOnlyCollection<Problem>
{
    /// <summary>Problems kept in memory before a run is written to disk.</summary>
    public const int DefaultMemoryLimit = 8192;

    private readonly int _memoryLimit;
    private readonly List<Problem> _buffer = [];
    private readonly List<(long Offset, int Count)> _runs = [];
    private TempSpool? _spool;

    /// <summary>An empty store that spills to disk beyond <paramref name="memoryLimit"/> problems.</summary>
    public RejectCollection(int memoryLimit = DefaultMemoryLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryLimit, 1);
        _memoryLimit = memoryLimit;
    }

    /// <summary>A store holding <paramref name="problems"/>.</summary>
    public RejectCollection(IEnumerable<Problem> problems, int memoryLimit = DefaultMemoryLimit)
        : this(memoryLimit) => AddRange(problems);

    /// <inheritdoc/>
    public int Count { get; private set; }

    /// <summary>Problems held in memory now (at most the memory limit).</summary>
    public int InMemory => _buffer.Count;

    /// <summary>Runs written to disk so far.</summary>
    public int RunsOnDisk => _runs.Count;

    /// <summary>
    /// Row-level problems in row order (stable): a <see cref="RejectCollection"/> as it enumerates, any other
    /// collection (small, in memory) sorted.
    /// </summary>
    public static IEnumerable<Problem> InRowOrder(IReadOnlyCollection<Problem> rejects)
    {
        ArgumentNullException.ThrowIfNull(rejects);
        return rejects is RejectCollection ? rejects : rejects.OrderBy(static p => p.Row ?? 0);
    }

    /// <summary>
    /// The number of distinct rejected rows per problem code, over files given in order, without holding the
    /// problems: a row with two problems of one code counts once.
    /// </summary>
    public static Dictionary<string, long> RowsByCode(IEnumerable<(string File, IReadOnlyCollection<Problem> Rejects)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var last = new Dictionary<string, (string File, int? Row)>(StringComparer.Ordinal);
        foreach (var (_, rejects) in files)
        {
            foreach (var p in InRowOrder(rejects))
            {
                if (last.TryGetValue(p.Code, out var seen) && seen == (p.File, p.Row))
                {
                    continue;
                }

                last[p.Code] = (p.File, p.Row);
                counts[p.Code] = counts.GetValueOrDefault(p.Code) + 1;
            }
        }

        return counts;
    }

    /// <summary>Adds a problem.</summary>
    public void Add(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _buffer.Add(problem);
        Count++;
        if (_buffer.Count >= _memoryLimit)
        {
            Spill();
        }
    }

    /// <summary>Adds problems in order.</summary>
    public void AddRange(IEnumerable<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var p in problems)
        {
            Add(p);
        }
    }

    /// <inheritdoc/>
    public IEnumerator<Problem> GetEnumerator()
    {
        var memory = SortedByRow(_buffer);
        if (_runs.Count == 0)
        {
            return memory.GetEnumerator();
        }

        return Merge(memory).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static List<Problem> SortedByRow(List<Problem> problems)
    {
        // List.Sort is not stable; OrderBy is.
        return [.. problems.OrderBy(static p => p.Row ?? 0)];
    }

    private void Spill()
    {
        _spool ??= new TempSpool();
        var offset = _spool.Length;
        using (var bytes = new MemoryStream())
        {
            using (var w = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
            {
                foreach (var p in SortedByRow(_buffer))
                {
                    Write(w, p);
                }
            }

            _spool.Write(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        }

        _spool.Flush();
        _runs.Add((offset, _buffer.Count));
        _buffer.Clear();
    }

    private IEnumerable<Problem> Merge(List<Problem> memory)
    {
        // Runs were written in the order problems came, so breaking ties by run keeps the sort stable.
        var sources = new List<IEnumerator<Problem>>(_runs.Count + 1);
        try
        {
            sources.AddRange(_runs.Select(r => ReadRun(r.Offset, r.Count).GetEnumerator()));
            sources.Add(memory.GetEnumerator());
            var queue = new PriorityQueue<int, (int Row, int Source)>();
            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i].MoveNext())
                {
                    queue.Enqueue(i, (sources[i].Current.Row ?? 0, i));
                }
            }

            while (queue.TryDequeue(out var i, out _))
            {
                yield return sources[i].Current;
                if (sources[i].MoveNext())
                {
                    queue.Enqueue(i, (sources[i].Current.Row ?? 0, i));
                }
            }
        }
        finally
        {
            foreach (var s in sources)
            {
                s.Dispose();
            }
        }
    }

    private IEnumerable<Problem> ReadRun(long offset, int count)
    {
        using var r = new BinaryReader(new BufferedStream(_spool!.OpenRead(offset), 4096), Encoding.UTF8);
        for (var i = 0; i < count; i++)
        {
            yield return Read(r);
        }
    }

    private static void Write(BinaryWriter w, Problem p)
    {
        w.Write(p.Code);
        w.Write((byte)p.Severity);
        w.Write(p.File);
        w.Write(p.Row.HasValue);
        w.Write(p.Row ?? 0);
        WriteNullable(w, p.Column);
        WriteNullable(w, p.Value);
        w.Write(p.Message);
    }

    private static Problem Read(BinaryReader r)
    {
        var code = r.ReadString();
        var severity = (Severity)r.ReadByte();
        var file = r.ReadString();
        var hasRow = r.ReadBoolean();
        var row = r.ReadInt32();
        var column = ReadNullable(r);
        var value = ReadNullable(r);
        var message = r.ReadString();
        return new Problem(code, severity, file, hasRow ? row : null, column, value, message);
    }

    private static void WriteNullable(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null)
        {
            w.Write(s);
        }
    }

    private static string? ReadNullable(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
