using System.IO.Compression;

namespace Linkage.Report;

/// <summary>
/// Re-writes a zip (an Office package) so the same contents give the same bytes: the entries in a fixed order and
/// all with the same time stamp. System.IO.Packaging stamps each entry with the wall clock when it is written.
/// </summary>
internal static class DeterministicZip
{
    /// <summary>
    /// The time stamp of every entry: the earliest a zip can hold (1980-01-01 00:00), which says "no time" to a reader.
    /// A zip stores a local date and time without a zone; .NET writes the given clock time as it is.
    /// </summary>
    public static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The zip with its entries' contents unchanged, <c>[Content_Types].xml</c> first and <c>_rels/.rels</c> second
    /// (where Office puts them), then the others in ordinal name order, each deflated and stamped <see cref="EntryTime"/>.
    /// </summary>
    public static byte[] Rewrite(byte[] zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var entries = new List<(string Name, byte[] Bytes)>();
        using (var input = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read))
        {
            foreach (var entry in input.Entries)
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                entries.Add((entry.FullName, buffer.ToArray()));
            }
        }

        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries.OrderBy(e => Rank(e.Name)).ThenBy(e => e.Name, StringComparer.Ordinal))
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                entry.ExternalAttributes = 0;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }

    private static int Rank(string name) => name switch
    {
        "[Content_Types].xml" => 0,
        "_rels/.rels" => 1,
        _ => 2,
    };
}
