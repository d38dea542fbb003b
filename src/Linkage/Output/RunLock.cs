using System.Globalization;
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

    /// <summary>Parses the lock file's <c>key=value</c> lines; anything unreadable is left null.</summary>
    internal static LockHolder Parse(string text)
    {
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
/// survives the folder being swapped), holding the holder's PID, start time and host for people and logs. Whether
/// the holder is alive is decided by the operating system, not by the PID: the holder keeps the file open with a
/// shared lock (<c>flock</c> on Unix, a share mode on Windows), which the kernel drops when the process dies,
/// however it dies. A lock file nobody holds is stale and is taken over; a PID cannot be reused into a false "alive".
/// </summary>
public sealed class RunLock : IDisposable
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

    /// <summary>The holder recorded in a stale lock file this run took over; null when there was none.</summary>
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
    /// written at all (an unwritable location).
    /// </summary>
    public static RunLock? TryAcquire(string target, DateTimeOffset nowUtc, out LockHolder? heldBy)
    {
        var path = LockPathFor(target);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        heldBy = null;
        LockHolder? stale = null;

        // Two rounds: create; or find a stale file, remove it while holding it exclusively, and create again.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (TryCreate(path, nowUtc) is { } handle)
            {
                return new RunLock(handle, path, stale);
            }

            var recorded = ReadHolder(path);
            if (!TryRemoveStale(path))
            {
                heldBy = recorded ?? new LockHolder(null, null, null);
                return null;
            }

            stale = recorded ?? new LockHolder(null, null, null);
        }

        // Another run created the lock between our removing the stale one and creating ours.
        heldBy = ReadHolder(path) ?? new LockHolder(null, null, null);
        return null;
    }

    /// <summary>Releases the lock: the file is removed while still held, so no other run's fresh lock is ever removed.</summary>
    public void Dispose() => _handle.Dispose();

    private static FileStream? TryCreate(string path, DateTimeOffset nowUtc)
    {
        FileStream handle;
        try
        {
            // FileShare.Read: others may read who holds it; .NET takes a shared flock on Unix, which blocks the
            // exclusive lock a stale-check needs until this process ends. DeleteOnClose unlinks before closing.
            handle = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, 4096, FileOptions.DeleteOnClose);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }

        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"pid={Environment.ProcessId}\nstarted_utc={nowUtc.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\nhost={Environment.MachineName}\ntool=linkage\n");
        handle.Write(Encoding.UTF8.GetBytes(text));
        handle.Flush(flushToDisk: true);
        return handle;
    }

    private static LockHolder? ReadHolder(string path)
    {
        try
        {
            using var read = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(read, Encoding.UTF8);
            return LockHolder.Parse(reader.ReadToEnd());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Opens the lock file exclusively; that succeeds only when no live process holds it. The file is then removed
    /// on close (still held, so the removal cannot hit a fresh lock). Returns false when the holder is alive.
    /// </summary>
    private static bool TryRemoveStale(string path)
    {
        try
        {
            using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            return true;
        }
        catch (FileNotFoundException)
        {
            // Its holder finished meanwhile: nothing to remove.
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
