namespace Linkage.Read;

/// <summary>
/// Finds the header row: the first non-blank row, unless the file opens with title lines (a preamble).
/// A row is a title when it has fewer than 2 non-empty fields; when it has 2, a blank line follows it and the
/// next row has more (a caption with a comma standing apart above a table); or when it has 2 and the table below
/// it is at least twice as wide (4 fields or more on each of the next rows, up to three): a publisher's name beside an
/// e-mail link or a date, whatever a formula cell happened to cache. The header is the
/// first of the first 10 non-blank rows that is not a title; when there is none, it is the first non-blank row.
/// The rule errs toward the first row: a header taken for a title would silently turn data rows into a preamble,
/// while a title taken for a header only makes the layout unrecognised, which is reported.
/// </summary>
internal static class HeaderDetector
{
    /// <summary>Number of non-blank rows searched for the header.</summary>
    public const int SearchRows = 10;

    /// <summary>Returns the index in <paramref name="rows"/> (non-blank rows, in file order) of the header row.</summary>
    public static int Find(IReadOnlyList<ProbeRecord> rows)
    {
        var n = Math.Min(rows.Count, SearchRows);
        for (var i = 0; i < n; i++)
        {
            var row = rows[i];
            var next = i + 1 < rows.Count ? rows[i + 1] : null;
            var blankFollows = next is not null && next.Line > row.Line + row.LineCount;
            var isTitle = row.NonEmpty < 2 || (blankFollows && row.NonEmpty <= 2 && next!.NonEmpty > row.NonEmpty) || NarrowAboveTable(rows, i);
            if (!isTitle)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>The line of <paramref name="headerLine"/> among the rows (<c>--header-row</c>); -1 when no non-blank row has it.</summary>
    public static int FindLine(IReadOnlyList<ProbeRecord> rows, int headerLine)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Line == headerLine)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A row of two fields above rows that are all at least twice as wide and four fields or more.</summary>
    private static bool NarrowAboveTable(IReadOnlyList<ProbeRecord> rows, int i)
    {
        var row = rows[i];
        if (row.NonEmpty != 2)
        {
            return false;
        }

        // Single-cell title rows below (a date) are titles too; the table starts after them.
        var below = rows.Skip(i + 1).Where(r => r.NonEmpty >= 2).Take(3).ToList();
        return below.Count >= 2 && below.All(r => r.NonEmpty >= Math.Max(4, 2 * row.NonEmpty));
    }
}
