namespace Linkage.Report;

/// <summary>
/// Keeps a report's text cells from running as spreadsheet formulas (OWASP CSV injection): people paste the report's
/// tables from a browser or a Markdown file into Excel, which reads a cell starting with <c>= + - @</c>, tab or CR as a
/// formula, just as it does in a CSV file. Such a cell gets a leading <c>'</c>, as the CSV outputs do.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>
    /// The text with a leading <c>'</c> when it starts like a formula, also after leading spaces (a browser and a
    /// Markdown table drop them when the cell is copied); otherwise the text as it is.
    /// </summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shown = text.TrimStart();
        return StartsLikeFormula(text) || StartsLikeFormula(shown) ? "'" + text : text;
    }

    /// <summary>
    /// A table cell as written: a text column's cell (region, file, State) neutralised; a number column's cells are
    /// written by <see cref="ReportText"/> from numbers and stay as they are (<c>+8.1 % (6.7 to 9.6)</c>).
    /// </summary>
    public static string TableCell(Table table, int column, string text)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.RightAligned[column] ? text : Neutralise(text);
    }

    private static bool StartsLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
