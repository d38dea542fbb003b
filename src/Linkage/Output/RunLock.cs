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
    /// Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the lock file cannot be
    /// created or written (an unwritable, read-only or full location).
    /// </summary>
    public static RunLock? TryAcquire(string target, DateTimeOffset nowUtc, out LockHolder? heldBy)
    {
        var path = LockPathFor(target);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        heldBy = null;
        FileStream handle;
        try
        {
            // Windows: FileShare.Read lets others read who holds it but not open it for writing. Unix: FileShare.None
            // makes .NET take an exclusive flock (non-blocking), which readers must bypass (ReadUnlocked).
            var share = OperatingSystem.IsWindows() ? FileShare.Read : FileShare.None;
            handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, share, 1, FileOptions.None);
        }
        catch (IOException ex) when (IsHeld(ex))
        {
            heldBy = LockHolder.Parse(ReadUnlocked(path)) ?? new LockHolder(null, null, null);
            return null;
        }

        try
        {
            var previous = LockHolder.Parse(new StreamReader(handle, Encoding.UTF8, false, 1024, leaveOpen: true).ReadToEnd());
            var text = string.Create(
                CultureInfo.InvariantCulture,
                $"pid={Environment.ProcessId}\nstarted_utc={nowUtc.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\nhost={Environment.MachineName}\ntool=linkage\n");
            handle.SetLength(0);
            handle.Write(Encoding.UTF8.GetBytes(text));
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

    /// <summary>True when opening failed because another process holds the file (not a read-only or full location).</summary>
    private static bool IsHeld(IOException ex) =>
        ex.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    /// <summary>Reads the lock file without taking a lock (a holder's exclusive flock would refuse .NET's reader).</summary>
    private static string ReadUnlocked(string path)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                using var shared = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                return new StreamReader(shared).ReadToEnd();
            }

            var fd = Open(path, 0);
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

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "read")]
    private static partial nint Read(int fd, [Out] byte[] buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
