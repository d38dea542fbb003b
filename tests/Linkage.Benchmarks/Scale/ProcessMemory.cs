using System.Globalization;

namespace Linkage.Benchmarks.Scale;

/// <summary>Peak resident memory on Linux: the kernel's high-water mark <c>VmHWM</c> from <c>/proc/PID/status</c>.</summary>
internal static class ProcessMemory
{
    /// <summary>
    /// This process's peak resident set in bytes: managed heap, native allocations (DuckDB's included) and mapped
    /// code alike.
    /// </summary>
    public static long PeakOfSelf() => PeakOf("/proc/self/status");

    /// <summary>The <c>VmHWM</c> of a <c>/proc/PID/status</c> file, in bytes.</summary>
    public static long PeakOf(string statusFile)
    {
        foreach (var line in File.ReadLines(statusFile))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, NumberStyles.None, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"{statusFile} has no VmHWM line; the scale benchmark needs Linux.");
    }
}
