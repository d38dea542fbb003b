namespace Linkage.Read;

/// <summary>
/// Finds the header row: the first non-blank row, unless the file opens with title lines (a preamble).
/// A row is a title when it has fewer than 2 non-empty fields, or when a blank line follows it and the next row
/// has more non-empty fields. The header is the first of the first 10 non-blank rows that is not a title and is
/// followed by a row with at least 2 fields (or by nothing); when there is none, it is the first non-blank row.
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
            var isTitle = row.NonEmpty < 2 || (blankFollows && next!.NonEmpty > row.NonEmpty);
            if (!isTitle && (next is null || next.Fields.Count >= 2))
            {
                return i;
            }
        }

        return 0;
    }
}
