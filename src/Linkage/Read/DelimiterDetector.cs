using System.Globalization;

namespace Linkage.Read;

/// <summary>
/// Picks the field delimiter among ; , tab | from the first lines: the candidate that gives the same field count
/// (more than one) on the most lines wins; ties go to the wider table, then to the order ; , tab |.
/// </summary>
internal static class DelimiterDetector
{
    /// <summary>Number of non-blank lines looked at.</summary>
    public const int SampleLines = 20;

    private static readonly char[] Candidates = [';', ',', '\t', '|'];

    /// <summary>Chooses the delimiter of <paramref name="text"/> and says why.</summary>
    public static (char Delimiter, string Reason) Detect(string text, bool complete)
    {
        if (SeparatorHint(text) is { } hinted)
        {
            return (hinted, $"first line 'sep={hinted}'");
        }

        // Eurostat's TSV joins its dimensions with commas in the first cell ("freq,unit,geo\TIME_PERIOD"), so commas
        // outnumber the tabs that really separate its columns: the backslash before the time dimension settles it.
        if (IsEurostatTsvHeader(text))
        {
            return ('\t', "first cell 'dimensions\\TIME_PERIOD' then tabs (Eurostat TSV)");
        }

        (char Delimiter, int Lines, int Fields, int Sampled) best = default;
        foreach (var candidate in Candidates)
        {
            var counts = ProbeSplitter.Split(text, candidate, complete, SampleLines)
                .Where(static r => !r.IsBlank)
                .Select(static r => r.Fields.Count)
                .ToList();
            var modal = counts.Where(static n => n > 1)
                .GroupBy(static n => n)
                .Select(static g => (Fields: g.Key, Lines: g.Count()))
                .OrderByDescending(static g => g.Lines)
                .ThenByDescending(static g => g.Fields)
                .FirstOrDefault();
            if (modal.Lines > best.Lines || (modal.Lines == best.Lines && modal.Fields > best.Fields))
            {
                best = (candidate, modal.Lines, modal.Fields, counts.Count);
            }
        }

        if (best.Lines == 0)
        {
            return (',', "no delimiter found; one column");
        }

        return (best.Delimiter, string.Create(
            CultureInfo.InvariantCulture,
            $"{Describe(best.Delimiter)} gives {best.Fields} fields on {best.Lines} of the first {best.Sampled} non-blank lines"));
    }

    /// <summary>Names a delimiter for messages: 'tab' for a tab, the quoted character otherwise.</summary>
    /// <summary>True when the first line starts like Eurostat's TSV: comma-joined dimension ids, a backslash, the time dimension's id, a tab.</summary>
    internal static bool IsEurostatTsvHeader(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        var first = end < 0 ? text.AsSpan() : text.AsSpan(0, end);
        var tab = first.IndexOf('\t');
        if (tab <= 0)
        {
            return false;
        }

        var cell = first[..tab];
        var slash = cell.IndexOf('\\');
        return slash > 0 && slash < cell.Length - 1 && cell.IndexOfAny('"', ';') < 0 && !cell[(slash + 1)..].ContainsAny(',', ' ');
    }

    public static string Describe(char delimiter) => delimiter == '\t' ? "tab" : $"'{delimiter}'";

    /// <summary>The delimiter named by an Excel "sep=;" first line, if there is one.</summary>
    public static char? SeparatorHint(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        var first = end < 0 ? text.AsSpan() : text.AsSpan(0, end);
        return first.Length == 5 && first.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && !char.IsWhiteSpace(first[4]) && first[4] < 128
            ? first[4]
            : null;
    }
}
