using System.Globalization;

using Linkage.Pipeline;

namespace Linkage.Cli;

/// <summary>
/// The text of the terminal's progress line while a file is read:
/// <c>reading 1/3: records.csv  3,200,000 rows  1.21M rows/s  45%  ETA 0:12</c>. Invariant culture, so a German or
/// Turkish terminal shows the same digits, and never longer than <see cref="Width"/> characters.
/// </summary>
internal static class ProgressText
{
    /// <summary>Longest progress text: one less than the 79 columns <see cref="RunLog.Progress"/> clears.</summary>
    public const int Width = 78;

    /// <summary>The line for a file started but with no rows counted yet.</summary>
    public static string Started(int fileNumber, int fileCount, string file) =>
        Fit(string.Create(CultureInfo.InvariantCulture, $"reading {fileNumber}/{fileCount}: "), file, string.Empty);

    /// <summary>The line for <paramref name="progress"/>, <paramref name="elapsed"/> after the file was started.</summary>
    /// <remarks>
    /// Rows/s is over the file so far (steady enough for a file read at one pace, and it needs no history). The ETA
    /// is from the byte fraction, since the row count of a file is not known until its end; both are left out when
    /// they cannot be known yet (no time elapsed, no size, nothing read).
    /// </remarks>
    public static string Reading(ReadProgress progress, TimeSpan elapsed)
    {
        var inv = CultureInfo.InvariantCulture;
        var stats = string.Create(inv, $"  {progress.Rows:N0} rows");
        if (elapsed > TimeSpan.Zero)
        {
            stats += $"  {Rate(progress.Rows / elapsed.TotalSeconds)} rows/s";
        }

        if (progress.TotalBytes > 0 && progress.Bytes > 0)
        {
            var fraction = Math.Min(1.0, (double)progress.Bytes / progress.TotalBytes);
            stats += string.Create(inv, $"  {Math.Floor(fraction * 100):0}%");
            if (elapsed > TimeSpan.Zero)
            {
                stats += "  ETA " + Duration(elapsed * ((1 - fraction) / fraction));
            }
        }

        return Fit(string.Create(inv, $"reading {progress.FileNumber}/{progress.FileCount}: "), progress.File, stats);
    }

    /// <summary>A rate with three significant digits and a k or M suffix: <c>850</c>, <c>12.3k</c>, <c>1.21M</c>.</summary>
    public static string Rate(double perSecond)
    {
        var inv = CultureInfo.InvariantCulture;
        if (perSecond < 999.5)
        {
            return Math.Round(Math.Max(0, perSecond)).ToString("0", inv);
        }

        var (value, suffix) = perSecond >= 999_500 ? (perSecond / 1_000_000, "M") : (perSecond / 1_000, "k");

        // The bounds are where rounding to the next format's digits would show a fourth digit (9.996 -> "10.0").
        var format = value < 9.995 ? "0.00" : value < 99.95 ? "0.0" : "0";
        return value.ToString(format, inv) + suffix;
    }

    /// <summary>A remaining time as <c>m:ss</c>, or <c>h:mm:ss</c> from an hour on; rounded up, so it reaches 0:00 only at the end.</summary>
    public static string Duration(TimeSpan remaining)
    {
        var seconds = (long)Math.Ceiling(Math.Max(0, remaining.TotalSeconds));
        var (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return h > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{h}:{m:00}:{s:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{m}:{s:00}");
    }

    /// <summary>Shortens the file name from the left (its end tells files apart) so that the figures always fit.</summary>
    private static string Fit(string prefix, string file, string stats)
    {
        var room = Width - prefix.Length - stats.Length;
        if (file.Length > room)
        {
            file = room > 1 ? "…" + file[^(room - 1)..] : string.Empty;
        }

        return prefix + file + stats;
    }
}
