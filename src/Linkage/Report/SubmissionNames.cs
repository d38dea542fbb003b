namespace Linkage.Report;

/// <summary>
/// The names the report gives the submissions. The report is a publish output, so it must be the same whatever
/// folder the job ran in and however the inputs were named on the command line (<c>drop/a.csv</c> from one folder,
/// <c>../drop/a.csv</c> or <c>/srv/drop/a.csv</c> from another), and it must not show a machine's folders; each file is
/// shown by the shortest ending of its path that no other input shares: its file name, unless two inputs have the
/// same one. <c>internal/rejects.csv</c> keeps the names as given.
/// </summary>
public static class SubmissionNames
{
    /// <summary>The shown name of each of <paramref name="files"/> (as given, <c>/</c> or <c>\</c> separated), in the same order.</summary>
    public static IReadOnlyList<string> Shown(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var segments = files.Select(f => f.Split('/', '\\').Where(s => s.Length > 0 && s != ".").ToArray()).ToList();
        var shown = new string[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var mine = segments[i];
            var length = 1;
            while (length < mine.Length && segments.Where((other, j) => j != i && EndsWith(other, mine, length)).Any())
            {
                length++;
            }

            shown[i] = mine.Length == 0 ? files[i] : string.Join('/', mine[^Math.Min(length, mine.Length)..]);
        }

        return shown;
    }

    /// <summary>True when <paramref name="other"/> ends with the last <paramref name="length"/> segments of <paramref name="mine"/>.</summary>
    private static bool EndsWith(string[] other, string[] mine, int length) =>
        other.Length >= length && other.AsSpan(other.Length - length).SequenceEqual(mine.AsSpan(mine.Length - length));
}
