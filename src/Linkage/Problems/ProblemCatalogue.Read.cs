namespace Linkage.Problems;

/// <summary>Problems of the read stage: whole files that cannot be turned into rows.</summary>
public static partial class ProblemCatalogue
{
    /// <summary>The file has no bytes or only whitespace.</summary>
    public static Problem FileEmpty(string file) => new(
        "file-empty", Severity.Error, file, null, null, null,
        $"File {Where(file)} is empty; expected a header row and at least one data row.");

    /// <summary>The file has a header but no data rows.</summary>
    public static Problem HeaderOnly(string file, int headerLine) => new(
        "file-header-only", Severity.Error, file, headerLine, null, null,
        $"File {Where(file)} has a header on row {headerLine} but no data rows; expected at least one data row.");

    /// <summary>The file looks like binary data rather than text or XLSX.</summary>
    public static Problem FileBinary(string file) => new(
        "file-binary", Severity.Error, file, null, null, null,
        $"File {Where(file)} looks like binary data, not CSV text or an XLSX workbook; export the submission as CSV or XLSX.");

    /// <summary>The file extension is not one the pipeline reads.</summary>
    public static Problem UnsupportedType(string file, string extension) => new(
        "file-unsupported-type", Severity.Error, file, null, null, extension,
        $"File {Where(file)} has the unsupported type {Quote(extension)}; expected .csv, .tsv, .txt or .xlsx.");

    /// <summary>The operating system refused to open or read the file.</summary>
    public static Problem FileUnreadable(string file, string reason) => new(
        "file-unreadable", Severity.Error, file, null, null, null,
        $"File {Where(file)} could not be read ({reason}); check that it exists and that you may read it.");

    /// <summary>A file named .xlsx that is not a zip package, so it cannot be a workbook.</summary>
    public static Problem NotXlsx(string file) => new(
        "file-not-xlsx", Severity.Error, file, null, null, null,
        $"File {Where(file)} is named .xlsx but is not a zip package; expected a workbook saved by Excel or LibreOffice, so rename it to .csv if it is text or save it again as .xlsx.");

    /// <summary>A zip package that holds no Excel workbook, or a workbook too damaged to open.</summary>
    public static Problem NotWorkbook(string file, string detail) => new(
        "file-not-workbook", Severity.Error, file, null, null, null,
        $"File {Where(file)} is a zip package but not a readable Excel workbook ({detail}); expected an .xlsx saved by Excel or LibreOffice, so export the submission again as .xlsx or .csv.");

    /// <summary>The worksheet asked for with <c>--sheet</c> is not in the workbook.</summary>
    public static Problem SheetNotFound(string file, string sheet, IReadOnlyList<string> sheetNames) => new(
        "sheet-not-found", Severity.Error, file, null, null, sheet,
        $"Worksheet {Quote(sheet)} was not found in {Where(file)}; expected one of {string.Join(", ", sheetNames.Select(Quote))}, so pass --sheet with one of these names.");

    /// <summary>The worksheet read has no non-blank row.</summary>
    public static Problem SheetEmpty(string file, string sheet) => new(
        "sheet-empty", Severity.Error, file, null, null, sheet,
        $"Worksheet {Quote(sheet)} of {Where(file)} is empty; expected a header row and at least one data row, so pass --sheet with the worksheet that holds the data.");

    /// <summary>The first mebibyte of a text file holds no non-blank line, so no header can be found.</summary>
    public static Problem NoHeader(string file) => new(
        "file-no-header", Severity.Error, file, null, null, null,
        $"File {Where(file)} has no non-blank line in its first mebibyte; expected a header row near the top, so remove the blank space before the header.");

    /// <summary><c>--header-row</c> names a row that is blank or beyond the rows searched.</summary>
    public static Problem HeaderRowNotFound(string file, int row, int searched) => new(
        "header-row-not-found", Severity.Error, file, row, null, null,
        string.Create(Inv, $"File {Where(file)} has no non-blank row {row} among its first {searched} rows; expected --header-row to name the header's line (worksheet row), counting from 1."));

    /// <summary>The header row holds bytes that are not valid in the encoding the file is read with.</summary>
    public static Problem HeaderInvalidEncoding(string file, int headerLine, string encoding, string reason) => new(
        "file-invalid-encoding", Severity.Error, file, headerLine, null, null,
        $"Found bytes that are not valid {encoding} in the header of {Where(file, headerLine)} (read as {encoding} because: {reason}); expected text in one encoding, so save the file as UTF-8 or pass --encoding with its real encoding.");

    /// <summary>A quote opened in a row is never closed (or closes lines later), so the row cannot be split into fields.</summary>
    public static Problem RowBrokenQuote(string file, int line, string rawLine) => new(
        "row-broken-quote", Severity.Error, file, line, null, Shorten(rawLine),
        $"Found a quote that is not closed on the same line in {Where(file, line)} ({Quote(rawLine)}); expected every opening \" to be closed before the row ends, so the row was not read and the lines after it were read as rows of their own: close or remove the quote.");

    /// <summary>A Eurostat TSV line whose first cell does not hold one key per dimension the header names.</summary>
    public static Problem SeriesKeyBroken(string file, int line, string header, string key, int dimensions) => new(
        "series-key-broken", Severity.Error, file, line, header, Shorten(key),
        string.Create(Inv, $"File {Where(file, line)}, column {Quote(header)} has {Quote(key)}: not {dimensions} comma-separated keys, one per dimension the header names; the line was not read, so correct its first cell."));

    /// <summary>A quote opened in the header row is not closed on its line; the header was read without quotes, the lines after it as rows.</summary>
    public static Problem HeaderBrokenQuote(string file, int headerLine) => new(
        "header-broken-quote", Severity.Warning, file, headerLine, null, null,
        $"Found a quote that is not closed on the same line in the header of {Where(file, headerLine)}; expected every opening \" to be closed before the line ends, so the header was read without its quotes and the lines after it as rows of their own: close or remove the quote.");

    /// <summary>A data row holds bytes that are not valid in the encoding the file is read with.</summary>
    public static Problem RowInvalidEncoding(string file, int line, string encoding, string reason) => new(
        "row-invalid-encoding", Severity.Error, file, line, null, null,
        $"Found bytes that are not valid {encoding} in {Where(file, line)} (the file is read as {encoding} because: {reason}); expected one encoding for the whole file, so save the file as UTF-8 or pass --encoding with its real encoding.");

    /// <summary>A data row of a text file holds characters that are not text (the noncharacter U+FFFE or U+FFFF), which later stages cannot fold.</summary>
    /// <param name="file">File name as the user gave it.</param>
    /// <param name="line">Line of the row.</param>
    /// <param name="column">Header name of the column the character is in, when the header has one.</param>
    /// <param name="value">The field, with the offending characters replaced by U+FFFD.</param>
    /// <param name="what">The character found, e.g. "the noncharacter U+FFFE".</param>
    public static Problem RowInvalidText(string file, int line, string? column, string value, string what) => new(
        "row-invalid-text", Severity.Error, file, line, column, Shorten(value),
        $"Found text that is not valid Unicode ({what}) in {Where(file, line, column)}; expected ordinary characters, so the row was not read: save the file again as UTF-8 (a U+FFFE is usually a byte order mark read in the wrong byte order).");

    /// <summary>A worksheet cell in a data row holds text that is not valid Unicode (a lone surrogate, often from an <c>_xD800_</c> escape, or U+FFFE/U+FFFF).</summary>
    /// <param name="file">File name as the user gave it.</param>
    /// <param name="sheet">Worksheet name.</param>
    /// <param name="cell">Cell reference, e.g. C5.</param>
    /// <param name="line">Worksheet row number.</param>
    /// <param name="column">Header name of the cell's column, when the header has one.</param>
    /// <param name="value">The cell text, with the offending characters replaced by U+FFFD.</param>
    /// <param name="what">The character found, e.g. "the lone surrogate U+D800".</param>
    public static Problem CellInvalidText(string file, string sheet, string cell, int line, string? column, string value, string what) => new(
        "row-invalid-text", Severity.Error, file, line, column, Shorten(value),
        $"Found text that is not valid Unicode ({what}) in cell {cell} of worksheet {Quote(sheet)} in {Where(file, line, column)}; expected ordinary characters, so the row was not read: retype the text of that cell (the program that wrote the workbook left a broken character in it, often as an _xHHHH_ escape).");

    /// <summary>The header holds text that is not valid Unicode (a lone surrogate, U+FFFE or U+FFFF), so its column names cannot be read.</summary>
    /// <param name="file">File name as the user gave it.</param>
    /// <param name="headerLine">Line (or worksheet row) of the header.</param>
    /// <param name="sheet">Worksheet name for a workbook; null for a text file.</param>
    /// <param name="cell">Cell reference for a workbook (e.g. B1); null for a text file.</param>
    /// <param name="value">The header field, with the offending characters replaced by U+FFFD.</param>
    /// <param name="what">The character found, e.g. "the lone surrogate U+DC00".</param>
    public static Problem HeaderInvalidText(string file, int headerLine, string? sheet, string? cell, string value, string what) => new(
        "file-invalid-text", Severity.Error, file, headerLine, null, Shorten(value),
        sheet is null || cell is null
            ? $"Found text that is not valid Unicode ({what}) in the header of {Where(file, headerLine)}; expected column names in ordinary characters, so the file was not read: save the file again as UTF-8 (a U+FFFE is usually a byte order mark read in the wrong byte order)."
            : $"Found text that is not valid Unicode ({what}) in header cell {cell} of worksheet {Quote(sheet)} in {Where(file, headerLine)}; expected column names in ordinary characters, so the file was not read: retype the text of that cell (the program that wrote the workbook left a broken character in it, often as an _xHHHH_ escape).");

    /// <summary>A worksheet cell in a data row holds an Excel error value (#DIV/0!, #N/A, #VALUE!, #REF!, …), which ExcelDataReader reads as an empty cell.</summary>
    /// <param name="file">File name as the user gave it.</param>
    /// <param name="sheet">Worksheet name.</param>
    /// <param name="cell">Cell reference of the first error cell in the row, e.g. C5.</param>
    /// <param name="line">Worksheet row number.</param>
    /// <param name="column">Header name of the cell's column, when the header has one.</param>
    /// <param name="error">The error text stored in the cell, e.g. <c>#DIV/0!</c>.</param>
    /// <param name="others">How many more cells of the row hold an error.</param>
    public static Problem RowFormulaError(string file, string sheet, string cell, int line, string? column, string error, int others)
    {
        var more = others switch
        {
            0 => "",
            1 => " (and 1 more error cell in the row)",
            _ => string.Create(Inv, $" (and {others} more error cells in the row)"),
        };
        return new Problem(
            "row-formula-error", Severity.Error, file, line, column, Shorten(error),
            $"Cell {cell} of worksheet {Quote(sheet)} in {Where(file, line, column)}, holds the Excel error {ShowError(error)}{more}; expected a value, so the row was not read: fix the formula or type the figure.");
    }

    /// <summary>A row is larger than the reader buffers (usually a quote never closed); the rest of the file was not read.</summary>
    public static Problem RowTooLarge(string file, int line, int limitMiB) => new(
        "row-too-large", Severity.Error, file, line, null, null,
        string.Create(Inv, $"Found a row longer than {limitMiB} MiB starting in {Where(file, line)}, usually a quote that is never closed; expected rows of ordinary length, and reading stopped there, so close the quote and run again."));

    /// <summary>Reading stopped part-way through a file (I/O error or a damaged workbook); rows after the last one read were not read.</summary>
    public static Problem ReadInterrupted(string file, int lastLine, string reason) => new(
        "file-read-interrupted", Severity.Error, file, lastLine, null, null,
        string.Create(Inv, $"Reading {Where(file)} stopped after line {lastLine} ({reason}); expected to read the file to its end, so check the file or the disk it is on and run again."));

    /// <summary>An Excel error text as it is (#DIV/0!, #N/A, …) when it looks like one, otherwise quoted and shortened.</summary>
    private static string ShowError(string error) =>
        error.Length is > 1 and <= 20 && error[0] == '#' && error.All(static c => c is > ' ' and < '\u007F') ? error : Quote(error);

    /// <summary>Caps a raw line kept as a problem's value, so that a 10 MB line does not end up in rejects.csv whole.</summary>
    private static string Shorten(string raw) => raw.Length <= 1000 ? raw : string.Concat(raw.AsSpan(0, 1000), "…");
}
