using Microsoft.Win32.SafeHandles;

namespace Linkage.Model;

/// <summary>
/// An append-only scratch file for data that grows with the rows of an input (case-record provenance, rejects),
/// so that memory grows only with distinct cells. The file is removed from the folder as soon as it is opened
/// (on Windows: when it is closed), so a killed run leaves nothing behind; positional reads see what was
/// appended once <see cref="Flush"/> has run. The handle is closed when the spool is collected (its
/// <see cref="SafeFileHandle"/> finalises): spools live as long as the results that point into them.
/// </summary>
internal sealed class TempSpool
{
    private const int BufferSize = 1 << 16;
    private readonly SafeFileHandle _handle;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _buffered;
    private long _written;

    public TempSpool()
    {
        var path = Path.Combine(Path.GetTempPath(), "linkage-spool-" + Guid.NewGuid().ToString("N") + ".tmp");
        _handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            // The open handle keeps the data; the name goes now, so nothing is left if the process is killed.
            File.Delete(path);
        }
    }

    /// <summary>Bytes appended so far (flushed or not).</summary>
    public long Length => _written + _buffered;

    /// <summary>Appends bytes.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            if (_buffered == BufferSize)
            {
                Flush();
            }

            var n = Math.Min(data.Length, BufferSize - _buffered);
            data[..n].CopyTo(_buffer.AsSpan(_buffered));
            _buffered += n;
            data = data[n..];
        }
    }

    /// <summary>Writes buffered bytes to the file; reads see everything appended before the last flush.</summary>
    public void Flush()
    {
        if (_buffered > 0)
        {
            RandomAccess.Write(_handle, _buffer.AsSpan(0, _buffered), _written);
            _written += _buffered;
            _buffered = 0;
        }
    }

    /// <summary>Reads flushed bytes at <paramref name="offset"/>; returns the number read (0 at the end).</summary>
    public int Read(Span<byte> into, long offset) => offset >= _written ? 0 : RandomAccess.Read(_handle, into[..(int)Math.Min(into.Length, _written - offset)], offset);

    /// <summary>A read-only stream over the flushed bytes from <paramref name="offset"/>.</summary>
    public Stream OpenRead(long offset = 0) => new SpoolStream(this, offset);

    private sealed class SpoolStream(TempSpool spool, long position) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = spool.Read(buffer, position);
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
