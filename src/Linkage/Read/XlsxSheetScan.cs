using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Linkage.Read;

/// <summary>The first Excel error cell of a worksheet row: its 0-based column, the error text, and how many more error cells the row has.</summary>
/// <param name="Column">0-based column index (0 = A).</param>
/// <param name="Error">The error text stored in the cell, e.g. <c>#DIV/0!</c> (at most 60 characters kept).</param>
/// <param name="Others">How many more cells of the row hold an error.</param>
internal readonly record struct XlsxErrorCell(int Column, string Error, int Others);

/// <summary>
/// What ExcelDataReader 3.6 does not tell about a worksheet, read straight from the workbook's XML: the cells that
/// hold Excel errors (<c>&lt;c t="e"&gt;&lt;v&gt;#DIV/0!&lt;/v&gt;&lt;/c&gt;</c>, which it reads as empty cells) and
/// whether the workbook uses the 1904 date system. The worksheet part is read once, streaming; only error cells are
/// kept (the first of each row), so memory grows with the rows that hold errors, at most the sheet's 1,048,576 rows.
/// </summary>
internal sealed class XlsxSheetScan
{
    private const int MaxErrorLength = 60;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    // Error texts Excel writes; the common ones share one string instance instead of one per row.
    private static readonly Dictionary<string, string> KnownErrors = new[]
    {
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!",
        "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#EXTERNAL!", "#PYTHON!",
    }.ToDictionary(static e => e, StringComparer.Ordinal);

    private readonly Dictionary<int, XlsxErrorCell> _errors = [];

    private XlsxSheetScan()
    {
    }

    /// <summary>A scan that found nothing (used when the workbook's parts cannot be located).</summary>
    public static XlsxSheetScan Empty { get; } = new();

    /// <summary>Whether the workbook counts dates from 1904 (<c>&lt;workbookPr date1904="1"/&gt;</c>).</summary>
    public bool Date1904 { get; private set; }

    /// <summary>The name of the worksheet scanned, or null when none was found.</summary>
    public string? SheetName { get; private set; }

    /// <summary>
    /// Scans the first worksheet of the workbook file at <paramref name="path"/> through a handle of its own, so that
    /// it can run beside ExcelDataReader's pass over the same file; null when the file cannot be opened again.
    /// </summary>
    public static XlsxSheetScan? ReadFirstSheet(string path)
    {
        try
        {
            using var own = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            return Read(own, 0, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>How many worksheet rows hold at least one error cell.</summary>
    public int ErrorRowCount => _errors.Count;

    /// <summary>The first error cell of worksheet row <paramref name="row"/> (1-based), if the row has one.</summary>
    public XlsxErrorCell? ErrorIn(int row) => _errors.TryGetValue(row, out var error) ? error : null;

    /// <summary>
    /// Scans the worksheet at <paramref name="sheetIndex"/> (0-based, in workbook order) of the workbook in
    /// <paramref name="stream"/>, the way ExcelDataReader 3.6 locates it: xl/workbook.xml, its relationships in
    /// xl/_rels/workbook.xml.rels, part names compared ignoring case. The stream is left open at the position it had.
    /// A damaged part ends the scan with what was found so far; ExcelDataReader then reports the damage itself.
    /// </summary>
    public static XlsxSheetScan Read(Stream stream, int sheetIndex, string? sheetName)
    {
        var scan = new XlsxSheetScan();
        var position = stream.Position;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries)
            {
                entries.TryAdd(entry.FullName, entry);
            }

            if (scan.FindSheetPart(entries, sheetIndex, sheetName) is { } part)
            {
                scan.ScanSheet(part);
            }
        }
        catch (Exception ex) when (XlsxSourceTable.IsDamagedWorkbook(ex) || ex is IOException)
        {
            // Keep what was found: the rows ExcelDataReader reads before the damage are still checked.
        }
        finally
        {
            stream.Position = position;
        }

        return scan;
    }

    /// <summary>The column letters of a 0-based column index (0 → A, 26 → AA).</summary>
    public static string ColumnLetters(int index)
    {
        Span<char> letters = stackalloc char[8];
        var at = letters.Length;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters[--at] = (char)('A' + ((n - 1) % 26));
        }

        return new string(letters[at..]);
    }

    /// <summary>The A1 reference of a cell: column letters and 1-based row number (e.g. C5).</summary>
    public static string CellReference(int column, int row) => ColumnLetters(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the sheets' relationship ids from xl/workbook.xml (and the date system) and resolves the chosen one to a part.</summary>
    private ZipArchiveEntry? FindSheetPart(Dictionary<string, ZipArchiveEntry> entries, int sheetIndex, string? sheetName)
    {
        if (!entries.TryGetValue("xl/workbook.xml", out var workbook))
        {
            return null;
        }

        var sheets = new List<(string Name, string? Id)>();
        using (var xml = XmlReader.Create(workbook.Open(), Settings))
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.LocalName == "workbookPr")
                {
                    Date1904 = xml.GetAttribute("date1904") is "1" or "true";
                }
                else if (xml.LocalName == "sheet")
                {
                    sheets.Add((xml.GetAttribute("name") ?? "", RelationshipId(xml)));
                }
            }
        }

        // ExcelDataReader lists the worksheets in workbook order; the name check guards against a mismatch. Without a
        // name, the sheet at the index is taken, and its name is kept for the caller to check.
        sheetName ??= sheetIndex < sheets.Count ? sheets[sheetIndex].Name : null;
        var id = sheetIndex < sheets.Count && sheets[sheetIndex].Name == sheetName
            ? sheets[sheetIndex].Id
            : sheets.Find(s => s.Name == sheetName).Id;
        SheetName = id is null ? null : sheetName;
        if (id is null || !entries.TryGetValue("xl/_rels/workbook.xml.rels", out var rels))
        {
            return null;
        }

        using (var xml = XmlReader.Create(rels.Open(), Settings))
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") == id
                    && xml.GetAttribute("Target") is { } target)
                {
                    // As ExcelDataReader 3.6: an absolute target is taken from the package root, a relative one from xl/.
                    var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
                    return entries.GetValueOrDefault(path);
                }
            }
        }

        return null;
    }

    private static string? RelationshipId(XmlReader xml)
    {
        // r:id in the officeDocument relationships namespace (transitional or strict); any attribute named id otherwise.
        for (var ok = xml.MoveToFirstAttribute(); ok; ok = xml.MoveToNextAttribute())
        {
            if (xml.LocalName == "id" && xml.NamespaceURI.Length > 0)
            {
                var value = xml.Value;
                xml.MoveToElement();
                return value;
            }
        }

        xml.MoveToElement();
        return null;
    }

    /// <summary>Streams the worksheet's sheetData, numbering rows and cells as ExcelDataReader does (by r, else one after the previous).</summary>
    private void ScanSheet(ZipArchiveEntry part)
    {
        using var xml = XmlReader.Create(part.Open(), Settings);
        var inSheetData = false;
        var dataDepth = 0;
        var row = 0;
        var column = -1;
        while (xml.Read())
        {
            if (!inSheetData)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheetData" && !xml.IsEmptyElement)
                {
                    inSheetData = true;
                    dataDepth = xml.Depth;
                }

                continue;
            }

            if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == dataDepth)
            {
                return;
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.Depth == dataDepth + 1 && xml.LocalName == "row")
            {
                row = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : row + 1;
                column = -1;
            }
            else if (xml.Depth == dataDepth + 2 && xml.LocalName == "c")
            {
                column = ColumnOf(xml.GetAttribute("r")) ?? column + 1;
                if (xml.GetAttribute("t") == "e")
                {
                    Add(row, column, ReadValue(xml));
                }
            }
        }
    }

    private void Add(int row, int column, string error)
    {
        if (_errors.TryGetValue(row, out var first))
        {
            _errors[row] = first with { Others = first.Others + 1 };
            return;
        }

        if (KnownErrors.TryGetValue(error, out var known))
        {
            error = known;
        }
        else if (error.Length > MaxErrorLength)
        {
            error = error[..MaxErrorLength];
        }

        _errors[row] = new XlsxErrorCell(column, error, 0);
    }

    /// <summary>The text of the cell's v element; the reader is left on the cell's end (or on the empty cell).</summary>
    private static string ReadValue(XmlReader xml)
    {
        if (xml.IsEmptyElement)
        {
            return "";
        }

        var depth = xml.Depth;
        var text = "";
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.Depth == depth + 1 && xml.LocalName == "v")
            {
                text = xml.ReadElementContentAsString();
            }
            else
            {
                xml.Skip();
            }
        }

        return text.Trim();
    }

    /// <summary>The 0-based column of an A1 reference ("C5" → 2); null when there is none or it is not one.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var i = 0;
        for (; i < reference.Length && i < 3 && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        return i == 0 ? null : column - 1;
    }
}
