using System.Security.Cryptography;

namespace Linkage.Read;

/// <summary>
/// A read-only, forward-only wrapper that feeds every byte read through it into a SHA-256,
/// so the hash in the manifest is of exactly the bytes the reader parsed.
/// </summary>
internal sealed class HashingStream(Stream inner, bool leaveOpen = false) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _hex;

    /// <summary>Lowercase hex SHA-256, or null until the inner stream has been read to its end.</summary>
    public string? HashHex => _hex;

    /// <summary>Size of the inner stream when it can tell (a file), else 0; for progress only.</summary>
    public long TotalBytes { get; } = inner.CanSeek ? inner.Length : 0;

    /// <summary>Number of bytes read so far.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_hex is not null || buffer.IsEmpty)
        {
            return 0;
        }

        var n = inner.Read(buffer);
        if (n == 0)
        {
            _hex = Convert.ToHexStringLower(_hash.GetHashAndReset());
            return 0;
        }

        _hash.AppendData(buffer[..n]);
        BytesRead += n;
        return n;
    }

    /// <summary>Reads what is left of the inner stream into the hash, so that <see cref="HashHex"/> is complete.</summary>
    public string Drain()
    {
        var buffer = new byte[81920];
        try
        {
            while (Read(buffer) > 0)
            {
            }
        }
        catch (IOException)
        {
            // The disk or stream failed: the hash is of the bytes read before it did, and the reader says so.
            Interrupted = true;
            _hex ??= Convert.ToHexStringLower(_hash.GetHashAndReset());
        }

        return _hex!;
    }

    /// <summary>True when <see cref="Drain"/> met an input/output error before the end of the stream.</summary>
    public bool Interrupted { get; private set; }

    /// <summary>Reads up to <paramref name="buffer"/>'s length, looping over short reads; returns the count read.</summary>
    public int ReadFully(byte[] buffer)
    {
        var total = 0;
        int n;
        while (total < buffer.Length && (n = Read(buffer.AsSpan(total))) > 0)
        {
            total += n;
        }

        return total;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            if (!leaveOpen)
            {
                inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
