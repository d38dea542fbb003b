using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Linkage.Output;

/// <summary>Who holds (or last held) an output folder's lock, as written in the lock file.</summary>
/// <param name="ProcessId">The holder's process id.</param>
/// <param name="StartedUtc">When the holder took the lock (UTC, ISO 8601), as written.</param>
/// <param name="Host">The machine the holder ran on.</param>
public sealed record LockHolder(int? ProcessId, string? StartedUtc, string? Host)
{
    /// <summary>"PID 123 on host, started 2026-11-28T17:40:00Z", with unknown parts left out.</summary>
    public string Describe()
    {
        var pid = ProcessId is { } p ? "PID " + p.ToString(CultureInfo.InvariantCulture) : "an unknown process";
        var host = string.IsNullOrEmpty(Host) ? string.Empty : " on " + Host;
        var started = string.IsNullOrEmpty(StartedUtc) ? string.Empty : ", started " + StartedUtc;
        return pid + host + started;
    }

    /// <summary>Parses the lock file's <c>key=value</c> lines; null for an empty file, unreadable parts left null.</summary>
    internal static LockHolder? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        int? pid = null;
        string? started = null, host = null;
        foreach (var line in text.Split('\n'))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var value = line[(eq + 1)..].Trim();
            switch (line[..eq].Trim())
            {
                case "pid" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p):
                    pid = p;
                    break;
                case "started_utc":
                    started = value;
                    break;
                case "host":
                    host = value;
                    break;
            }
        }

        return new LockHolder(pid, started, host);
    }
}

/// <summary>
/// One run at a time per output folder. The lock is the file <c>.NAME.lock</c> beside the output folder (so it
/// survives the folder being swapped). The holder keeps it open exclusively — an exclusive <c>flock</c> on Unix,
/// which .NET takes on every file system including NFS and SMB, a share mode on Windows — and the kernel drops that
/// when the process dies, however it dies. So whether a holder is alive is the operating system's answer, never a
/// guess from a PID that may have been reused. The file itself is never deleted (deleting it would let a second run
/// lock a new file while the first still holds the old one): a finished run empties it, so a file that still names a
/// holder when the lock is free was left by a run that died, which is reported as taken over.
/// </summary>
public sealed partial class RunLock : IDisposable
{
    private readonly FileStream _handle;

    private RunLock(FileStream handle, string path, LockHolder? takenOverFrom)
    {
        _handle = handle;
        Path = path;
        TakenOverFrom = takenOverFrom;
    }

    /// <summary>The lock file's path.</summary>
    public string Path { get; }

    /// <summary>The holder named in the lock file of a run that died holding it; null when there was none.</summary>
    public LockHolder? TakenOverFrom { get; }

    /// <summary>The lock file for an output folder: <c>.NAME.lock</c> in its parent.</summary>
    public static string LockPathFor(string target)
    {
        var full = System.IO.Path.GetFullPath(target).TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full) ?? full, "." + System.IO.Path.GetFileName(full) + ".lock");
    }

    /// <summary>
    /// Takes the lock of <paramref name="target"/>, or returns null with the live holder in <paramref name="heldBy"/>.
    /// Throws <see cref="LockFileException"/> when the lock file is a link, not a regular file, or holds something
    /// other than a linkage lock (it is then left untouched), and <see cref="IOException"/> or
    /// <see cref="UnauthorizedAccessException"/> when it cannot be created or written.
    /// </summary>
    public static RunLock? TryAcquire(string target, DateTimeOffset nowUtc, out LockHolder? heldBy)
    {
        var path = LockPathFor(target);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        heldBy = null;
        var handle = OperatingSystem.IsLinux() ? OpenLinux(path) : OpenPortable(path);
        if (handle is null)
        {
            heldBy = LockHolder.Parse(ReadUnlocked(path)) ?? new LockHolder(null, null, null);
            return null;
        }

        try
        {
            if (!handle.CanSeek)
            {
                throw new LockFileException($"The lock file '{path}' is not a regular file (a pipe or a device?); nothing was changed; remove it so that linkage can create its own.");
            }

            // Never truncate what is not ours: a file put in the lock file's place (a hard link to another file, say)
            // keeps its content, and the run stops.
            var existing = new byte[4096];
            var length = handle.Read(existing, 0, existing.Length);
            var text = Encoding.UTF8.GetString(existing, 0, length);
            if (length > 0 && !text.Contains("tool=linkage", StringComparison.Ordinal))
            {
                throw new LockFileException($"The lock file '{path}' holds something other than a linkage lock; nothing was changed; remove it if nothing else needs it.");
            }

            var previous = LockHolder.Parse(text);
            var mine = string.Create(
                CultureInfo.InvariantCulture,
                $"pid={Environment.ProcessId}\nstarted_utc={nowUtc.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\nhost={Environment.MachineName}\ntool=linkage\n");
            handle.SetLength(0);
            handle.Position = 0;
            handle.Write(Encoding.UTF8.GetBytes(mine));
            handle.Flush(flushToDisk: true);
            return new RunLock(handle, path, previous);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Who the lock file of <paramref name="target"/> names, read without disturbing a holder; null when empty or absent.</summary>
    public static LockHolder? Holder(string target) => File.Exists(LockPathFor(target)) ? LockHolder.Parse(ReadUnlocked(LockPathFor(target))) : null;

    /// <summary>Empties the lock file (a clean end) and releases it; the file stays for the next run.</summary>
    public void Dispose()
    {
        try
        {
            _handle.SetLength(0);
            _handle.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // The next run will report a take-over; the lock itself is released below all the same.
        }

        _handle.Dispose();
    }

    /// <summary>
    /// Linux: opens without following a link (<c>O_NOFOLLOW</c>) or blocking on a pipe (<c>O_NONBLOCK</c>), creates
    /// with mode 0600, and takes the exclusive <c>flock</c> itself, so that a file system or a .NET switch that skips
    /// locking is an error, not a lock that silently is not there. Null when another process holds it.
    /// </summary>
    private static FileStream? OpenLinux(string path)
    {
        var fd = Open(path, ReadWrite | Create | NoFollow | NonBlocking | CloseOnExec, 0x180);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == LinkLoop)
            {
                throw new LockFileException($"The lock file '{path}' is a symbolic link; linkage does not follow it; nothing was changed; remove it so that linkage can create its own.");
            }

            throw errno == AccessDenied
                ? new UnauthorizedAccessException($"Access to '{path}' is denied ({Marshal.GetPInvokeErrorMessage(errno)})")
                : new IOException($"{Marshal.GetPInvokeErrorMessage(errno)} : '{path}'");
        }

        var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true);
        if (Flock(fd, LockExclusive | LockNonBlocking) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            handle.Dispose();
            if (errno == WouldBlock)
            {
                return null;
            }

            throw new IOException($"the file system refuses a lock on '{path}' ({Marshal.GetPInvokeErrorMessage(errno)}); without one two runs could write at once");
        }

        return new FileStream(handle, FileAccess.ReadWrite, 1);
    }

    /// <summary>Windows and other systems: .NET's own share mode or lock, after refusing a link.</summary>
    private static FileStream? OpenPortable(string path)
    {
        if (new FileInfo(path).LinkTarget is not null)
        {
            throw new LockFileException($"The lock file '{path}' is a symbolic link; linkage does not follow it; nothing was changed; remove it so that linkage can create its own.");
        }

        try
        {
            // Windows: FileShare.Read lets others read who holds it but not open it for writing. Elsewhere FileShare.None
            // makes .NET take an exclusive flock.
            var share = OperatingSystem.IsWindows() ? FileShare.Read : FileShare.None;
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, share, 1, FileOptions.None);
        }
        catch (IOException ex) when (ex.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021))
        {
            return null;
        }
    }

    /// <summary>Reads at most 4 KiB of the lock file without taking a lock and without following a link or blocking.</summary>
    private static string ReadUnlocked(string path)
    {
        try
        {
            if (!OperatingSystem.IsLinux())
            {
                using var shared = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var bytes = new byte[4096];
                return Encoding.UTF8.GetString(bytes, 0, shared.Read(bytes, 0, bytes.Length));
            }

            var fd = Open(path, NoFollow | NonBlocking | CloseOnExec, 0);
            if (fd < 0)
            {
                return string.Empty;
            }

            try
            {
                var buffer = new byte[4096];
                var length = Read(fd, buffer, buffer.Length);
                return length > 0 ? Encoding.UTF8.GetString(buffer, 0, (int)length) : string.Empty;
            }
            finally
            {
                _ = Close(fd);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EntryPointNotFoundException or DllNotFoundException)
        {
            return string.Empty;
        }
    }

    // Linux (x86-64 and arm64) values.
    private const int ReadWrite = 0x2;
    private const int Create = 0x40;
    private const int NonBlocking = 0x800;
    private const int NoFollow = 0x20000;
    private const int CloseOnExec = 0x80000;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int WouldBlock = 11;
    private const int AccessDenied = 13;
    private const int LinkLoop = 40;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "read")]
    private static partial nint Read(int fd, [Out] byte[] buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}

/// <summary>The lock file is something linkage must not touch (a link, a pipe, another program's file); the message says what to do.</summary>
public sealed class LockFileException : IOException
{
    /// <summary>Creates the exception with its one-sentence message.</summary>
    public LockFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LockFileException()
    {
    }

    /// <summary>Creates the exception with an inner one.</summary>
    public LockFileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
