using System.Buffers;
using System.Security.Cryptography;
using System.Threading.Channels;

using Linkage.Model;
using Linkage.Normalise;
using Linkage.Read;
using Linkage.Recognise;

namespace Linkage.Pipeline;

/// <summary>
/// Reads a large UTF-8 file of case records on several threads: one thread reads and hashes the bytes in chunks
/// of whole lines, workers split and parse the rows of a chunk each (<see cref="FileNormaliser.ParseRecord"/>),
/// and the calling thread applies the parsed rows in file order to one normaliser. Everything that depends on
/// earlier rows (the day/month order of dates, the counts) happens in that one ordered step, so the result is the
/// same as reading the file on one thread, row for row. Memory holds a few chunks at a time and the counts.
/// </summary>
internal static class ParallelRecords
{
    /// <summary>Bytes per chunk: small enough to keep few rows in flight, large enough to amortise a hand-over.</summary>
    public const int DefaultChunkBytes = 1 << 18;

    /// <summary>Longest line taken; a longer one is left to the full reader (which has its own limit).</summary>
    private const int MaxLineBytes = 16 << 20;

    /// <summary>
    /// Reads the file in parallel, or returns null when it cannot be read this way exactly as the full reader would
    /// (not UTF-8 CSV, a record over several lines, odd quoting, invalid bytes, an I/O error): the caller then reads
    /// it from the start the ordinary way. Nothing of a null attempt is kept.
    /// </summary>
    public static (FileResult Result, string Sha256)? TryRun(
        string path, ISourceTable table, LayoutPlan plan, int fileIndex, NormaliseContext context, int workers, Action<long, long, long>? progress, int chunkBytes = DefaultChunkBytes)
    {
        if (workers < 2 || plan.Layout != Layout.Records || table.Info is not { Format: "csv", Encoding: "utf-8", Delimiter: { } delimiter, HeaderQuoteBroken: false } info || delimiter > 127)
        {
            return null;
        }

        using var cancel = new CancellationTokenSource();
        var tickets = new SemaphoreSlim(workers * 3);
        var chunks = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(workers * 2) { SingleWriter = true });
        var parsed = Channel.CreateUnbounded<Parsed>(new UnboundedChannelOptions { SingleReader = true });
        var reader = Task.Run(() => Produce(path, chunkBytes, chunks.Writer, tickets, cancel.Token));
        var workerTasks = Enumerable.Range(0, workers)
            .Select(_ => Task.Run(() => Work(table, plan, fileIndex, context, (byte)delimiter, info.HeaderLine, chunks.Reader, parsed.Writer, cancel)))
            .ToArray();
        _ = Task.WhenAll(workerTasks).ContinueWith(_ => parsed.Writer.TryComplete(), TaskScheduler.Default);

        var normaliser = new FileNormaliser(plan, table.File, fileIndex, context, info.HeaderLine);
        var waiting = new Dictionary<long, Parsed>();
        long next = 0;
        long rows = 0;
        var bailed = false;
        try
        {
            foreach (var result in parsed.Reader.ReadAllAsync().ToBlockingEnumerable())
            {
                waiting[result.Sequence] = result;
                while (waiting.Remove(next, out var ready))
                {
                    if (ready.Rows is not { } part)
                    {
                        bailed = true;
                        break;
                    }

                    var cells = new FileNormaliser.RecordCount?[part.Cells.Count];
                    for (var i = 0; i < part.Count; i++)
                    {
                        var entry = part.Entries[i];
                        if (entry < 0)
                        {
                            var (row, parts) = part.Others[-entry - 1];
                            normaliser.AddParsedRecord(row, parts);
                        }
                        else
                        {
                            // A record counted on the worker: its cell is made (if new) by its chunk's first record in it.
                            var line = part.Lines[i];
                            var local = part.Cells[entry];
                            var first = cells[entry] is null;
                            var cell = cells[entry] ??= normaliser.CellFor(local.Key, local.Basics, local.Column, line, local.MeasureAssumed);

                            // Flags merge as a set, so the chunk's merged flags can join the cell once.
                            normaliser.CountRead(cell, line, first ? local.Flag : string.Empty);
                        }

                        if (++rows % PipelineOptions.ProgressEveryRows == 0)
                        {
                            progress?.Invoke(rows, ready.EndOffset, ready.TotalBytes);
                        }
                    }

                    next++;
                    tickets.Release();
                }

                if (bailed)
                {
                    break;
                }
            }

            // A worker that bailed stops the others, whose chunks then never come: a gap is a bail too.
            bailed |= cancel.IsCancellationRequested || waiting.Count > 0;
        }
        finally
        {
            cancel.Cancel();
            tickets.Release(workers * 3);
            Task.WaitAll([reader, .. workerTasks]);
            tickets.Dispose();
        }

        if (bailed || reader.Result is not { } read || read.Chunks != next)
        {
            return null;
        }

        return (normaliser.Finish(), read.Sha256);
    }

    /// <summary>Reads and hashes the file, handing out chunks of whole lines; returns the hash and the number of chunks, or null on a bail.</summary>
    private static (string Sha256, long Chunks)? Produce(string path, int chunkBytes, ChannelWriter<Chunk> output, SemaphoreSlim tickets, CancellationToken cancel)
    {
        try
        {
            using var file = InputFiles.OpenSequential(path);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var total = file.Length;
            var buffer = ArrayPool<byte>.Shared.Rent(chunkBytes);
            var filled = 0;
            var line = 1;
            long offset = 0;
            long sequence = 0;
            var first = true;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= MaxLineBytes)
                    {
                        return null;
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var n = file.Read(buffer, filled, buffer.Length - filled);
                hash.AppendData(buffer, filled, n);
                filled += n;
                var start = 0;
                if (first && filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    start = 3; // The byte order mark is not text.
                }

                if (first && (filled >= 3 || n == 0))
                {
                    first = false;
                    offset += start;
                }
                else
                {
                    start = 0;
                }

                var end = n == 0 ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
                if (end <= start && n != 0)
                {
                    continue; // No whole line yet: read more.
                }

                if (end > start)
                {
                    var rest = ArrayPool<byte>.Shared.Rent(Math.Max(chunkBytes, filled - end));
                    buffer.AsSpan(end, filled - end).CopyTo(rest);
                    var length = end - start;
                    var lines = buffer.AsSpan(start, length).Count((byte)'\n');
                    tickets.Wait(cancel);
                    offset += length;
                    var chunk = new Chunk(sequence++, buffer, start, length, line, offset, total);
                    if (!output.TryWrite(chunk))
                    {
                        output.WriteAsync(chunk, cancel).AsTask().GetAwaiter().GetResult();
                    }

                    line += lines;
                    buffer = rest;
                    filled -= end;
                }

                if (n == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    output.TryComplete();
                    return (Convert.ToHexStringLower(hash.GetHashAndReset()), sequence);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            // The full reader reports I/O errors row by row; a cancelled read was abandoned by a bail.
            output.TryComplete();
            return null;
        }
    }

    /// <summary>Splits and parses the rows of chunks; a chunk it cannot read exactly is handed on with null rows.</summary>
    private static async Task Work(
        ISourceTable table, LayoutPlan plan, int fileIndex, NormaliseContext context, byte delimiter, int headerLine, ChannelReader<Chunk> input, ChannelWriter<Parsed> output, CancellationTokenSource cancel)
    {
        var normaliser = new FileNormaliser(plan, table.File, fileIndex, context, headerLine);
        var splitter = new Utf8RowSplitter(delimiter);
        try
        {
            await foreach (var chunk in input.ReadAllAsync(cancel.Token).ConfigureAwait(false))
            {
                var rows = Parse(chunk, normaliser, splitter, table.Header, headerLine);
                ArrayPool<byte>.Shared.Return(chunk.Bytes);
                if (rows is null)
                {
                    // Handed on whatever happens, then the others are stopped.
                    output.TryWrite(new Parsed(chunk.Sequence, null, chunk.EndOffset, chunk.TotalBytes));
                    await cancel.CancelAsync().ConfigureAwait(false);
                    return;
                }

                await output.WriteAsync(new Parsed(chunk.Sequence, rows, chunk.EndOffset, chunk.TotalBytes), cancel.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Another thread bailed; its null chunk tells the caller.
        }
    }

    /// <summary>
    /// Splits and parses a chunk's rows. A record no earlier row can change is counted in a cell of the chunk (its
    /// line and cell noted in row order); any other row (bad, ragged, a slash date before the file's order is
    /// known) is kept whole for the ordered step. Null when the chunk needs the full reader.
    /// </summary>
    private static ChunkRows? Parse(Chunk chunk, FileNormaliser normaliser, Utf8RowSplitter splitter, IReadOnlyList<string> header, int headerLine)
    {
        var rows = new ChunkRows();
        var index = new Dictionary<RecordCellKey, int>();
        var scratch = new RecordParts();
        var text = chunk.Bytes.AsSpan(chunk.Start, chunk.Length);
        var line = chunk.FirstLine;
        while (!text.IsEmpty)
        {
            var end = text.IndexOf((byte)'\n');
            var content = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            if (line > headerLine)
            {
                if (!splitter.TrySplit(content, out var fields))
                {
                    return null;
                }

                if (fields.Length > 0)
                {
                    var row = new RawRow(line, fields);
                    if (normaliser.IsRagged(row))
                    {
                        rows.AddOther(line, row with { Fields = [.. fields] }, null);
                    }
                    else if (normaliser.ParseRecord(row, scratch) is var parts && normaliser.TryIndependentCell(parts, out var key, out var assumed))
                    {
                        if (!index.TryGetValue(key, out var cell))
                        {
                            cell = rows.Cells.Count;
                            index[key] = cell;
                            rows.Cells.Add(new LocalCell(key, parts.Basics!, parts.LinkageColumn, assumed));
                        }

                        var local = rows.Cells[cell];
                        if (parts.Basics!.Flag.Length > 0)
                        {
                            local.Flag = CellValue.MergeFlags(local.Flag, parts.Basics.Flag);
                        }

                        rows.Add(line, cell);
                    }
                    else
                    {
                        // Kept for the ordered step: its own copy of the fields and parts.
                        parts.Row = row with { Fields = [.. fields] };
                        rows.AddOther(line, parts.Row, parts);
                        scratch = new RecordParts();
                    }
                }
            }
            else if (line == headerLine && (!splitter.TrySplit(content, out var names) || !names.SequenceEqual(header, StringComparer.Ordinal)))
            {
                return null; // The header is not one plain line as the full reader read it.
            }

            line++;
        }

        return rows;
    }

    /// <summary>A cell counted on a worker: the key, the first record's cells, and the chunk's merged flags.</summary>
    private sealed class LocalCell(RecordCellKey key, RowBasics basics, string column, bool measureAssumed)
    {
        public RecordCellKey Key { get; } = key;

        public RowBasics Basics { get; } = basics;

        public string Column { get; } = column;

        public bool MeasureAssumed { get; } = measureAssumed;

        public string Flag { get; set; } = string.Empty;
    }

    /// <summary>A chunk's rows in order: each a line and either a cell of the chunk (≥ 0) or a row kept whole (&lt; 0).</summary>
    private sealed class ChunkRows
    {
        public List<LocalCell> Cells { get; } = [];

        public List<(RawRow Row, RecordParts? Parts)> Others { get; } = [];

        public int[] Lines { get; private set; } = new int[1024];

        public int[] Entries { get; private set; } = new int[1024];

        public int Count { get; private set; }

        public void Add(int line, int entry)
        {
            if (Count == Lines.Length)
            {
                Lines = [.. Lines, .. new int[Lines.Length]];
                Entries = [.. Entries, .. new int[Entries.Length]];
            }

            Lines[Count] = line;
            Entries[Count++] = entry;
        }

        public void AddOther(int line, RawRow row, RecordParts? parts)
        {
            Others.Add((row, parts));
            Add(line, -Others.Count);
        }
    }

    private sealed record Chunk(long Sequence, byte[] Bytes, int Start, int Length, int FirstLine, long EndOffset, long TotalBytes);

    private sealed record Parsed(long Sequence, ChunkRows? Rows, long EndOffset, long TotalBytes);
}
