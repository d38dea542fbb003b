using System.Buffers.Binary;

namespace Linkage.Model;

/// <summary>
/// The provenance of a file's case records on disk: one (line, cell) pair per accepted record, in the order the
/// records were accepted. A cell's <see cref="LineSet"/> keeps its count and first line in memory and reads its
/// lines from here only when they are needed (a conflict rejects them all), so millions of records cost
/// eight bytes each on disk and nothing in memory.
/// </summary>
internal sealed class LineSpool
{
    private readonly TempSpool _spool = new();

    /// <summary>Records the line of an accepted record and the cell it was counted in.</summary>
    public void Add(int line, int cell)
    {
        Span<byte> pair = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(pair, line);
        BinaryPrimitives.WriteInt32LittleEndian(pair[4..], cell);
        _spool.Write(pair);
    }

    /// <summary>Makes everything added readable.</summary>
    public void Complete() => _spool.Flush();

    /// <summary>The lines counted in <paramref name="cell"/>, in the order they were accepted.</summary>
    public IEnumerable<int> LinesOf(int cell)
    {
        var buffer = new byte[1 << 16];
        long offset = 0;
        int n;
        while ((n = _spool.Read(buffer, offset)) > 0)
        {
            n -= n % 8;
            for (var i = 0; i < n; i += 8)
            {
                if (BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(i + 4)) == cell)
                {
                    yield return BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(i));
                }
            }

            offset += n;
        }
    }
}
