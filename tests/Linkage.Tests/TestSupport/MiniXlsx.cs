using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Linkage.Tests.TestSupport;

/// <summary>
/// Writes minimal valid .xlsx workbooks for tests (ExcelDataReader only reads): strings as inline strings,
/// numbers as numbers, <see cref="DateTime"/> as date-formatted serial numbers, booleans as booleans; and, when
/// asked for, Excel error cells (<see cref="ErrorCell"/>), shared strings (<see cref="SharedString"/>) and cells
/// with a custom number format (<see cref="Formatted"/>).
/// </summary>
public static class MiniXlsx
{
    /// <summary>The first number format id free for custom formats (ids below are Excel's built-in formats).</summary>
    private const int FirstCustomFormatId = 164;

    /// <summary>The first cell style index of the custom formats: 0 is General, 1 the built-in date format 14.</summary>
    private const int FirstCustomStyle = 2;

    /// <summary>One worksheet: its name and rows; a null row leaves that worksheet row out (a gap), a null cell is an empty cell.</summary>
    public sealed record Sheet(string Name, IReadOnlyList<object?[]?> Rows);

    /// <summary>A cell holding an Excel error value such as <c>#DIV/0!</c>, written as <c>t="e"</c> with the formula that produced it.</summary>
    /// <param name="Error">The error text Excel stores, e.g. <c>#DIV/0!</c> or <c>#N/A</c>.</param>
    /// <param name="Formula">The formula written in the cell's <c>f</c> element; none when null.</param>
    public sealed record ErrorCell(string Error, string? Formula = "1/0");

    /// <summary>A cell with a formula and the value Excel cached for it (a date is written as its serial number, shown as a date).</summary>
    public sealed record FormulaCell(object Cached, string Formula);

    /// <summary>A string kept in the shared-string table (xl/sharedStrings.xml) instead of inline; XML-escaped, but <c>_xHHHH_</c> escapes are written as given.</summary>
    public sealed record SharedString(string Text);

    /// <summary>A number or date shown with a custom number format, e.g. <c>yyyy</c>; a <see cref="DateTime"/> is written as its serial number.</summary>
    public sealed record Formatted(object Value, string NumberFormat);

    /// <summary>Writes a workbook with one worksheet.</summary>
    public static void Write(string path, string sheetName, params object?[]?[] rows) => Write(path, new Sheet(sheetName, rows));

    /// <summary>Writes a workbook with the given worksheets, in order.</summary>
    public static void Write(string path, params Sheet[] sheets) => File.WriteAllBytes(path, Bytes(sheets));

    /// <summary>A workbook of one worksheet, as bytes, for reading from memory.</summary>
    public static byte[] Bytes(string sheetName, params object?[]?[] rows) => Bytes(new Sheet(sheetName, rows));

    /// <summary>A workbook with the given worksheets, in order, as bytes.</summary>
    public static byte[] Bytes(params Sheet[] sheets)
    {
        var buffer = new MemoryStream();
        Zip(buffer, sheets);
        return buffer.ToArray();
    }

    private static void Zip(Stream target, Sheet[] sheets)
    {
        var parts = new Parts(sheets);
        using var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        Entry(zip, "[Content_Types].xml", ContentTypes(sheets.Length, parts.HasSharedStrings));
        Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry(zip, "xl/workbook.xml", Workbook(sheets));
        Entry(zip, "xl/_rels/workbook.xml.rels", WorkbookRels(sheets.Length, parts.HasSharedStrings));
        Entry(zip, "xl/styles.xml", parts.Styles());
        if (parts.HasSharedStrings)
        {
            Entry(zip, "xl/sharedStrings.xml", parts.SharedStrings());
        }

        for (var i = 0; i < sheets.Length; i++)
        {
            Entry(zip, $"xl/worksheets/sheet{i + 1}.xml", Worksheet(sheets[i], parts));
        }
    }

    /// <summary>The column letters of a 0-based column index (0 → A, 26 → AA).</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static string ContentTypes(int sheetCount, bool sharedStrings)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        if (sharedStrings)
        {
            sb.Append("""<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""");
        }

        for (var i = 1; i <= sheetCount; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }

        return sb.Append("</Types>").ToString();
    }

    private static string Workbook(Sheet[] sheets)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
        for (var i = 0; i < sheets.Length; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<sheet name="{SecurityElement.Escape(sheets[i].Name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""");
        }

        return sb.Append("</sheets></workbook>").ToString();
    }

    private static string WorkbookRels(int sheetCount, bool sharedStrings)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 1; i <= sheetCount; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        }

        sb.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{sheetCount + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""");
        if (sharedStrings)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{sheetCount + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""");
        }

        return sb.Append("</Relationships>").ToString();
    }

    private static string Worksheet(Sheet sheet, Parts parts)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            if (sheet.Rows[r] is not { } cells)
            {
                continue;
            }

            sb.Append(CultureInfo.InvariantCulture, $"""<row r="{r + 1}">""");
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c] is { } value)
                {
                    sb.Append(Cell(ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture), value, parts));
                }
            }

            sb.Append("</row>");
        }

        return sb.Append("</sheetData></worksheet>").ToString();
    }

    private static string Cell(string reference, object value, Parts parts) => value switch
    {
        string s => $"""<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{SecurityElement.Escape(s)}</t></is></c>""",
        SharedString s => $"""<c r="{reference}" t="s"><v>{parts.SharedStringIndex(s.Text).ToString(CultureInfo.InvariantCulture)}</v></c>""",
        ErrorCell e => $"""<c r="{reference}" t="e">{(e.Formula is null ? "" : $"<f>{SecurityElement.Escape(e.Formula)}</f>")}<v>{SecurityElement.Escape(e.Error)}</v></c>""",
        Formatted f => $"""<c r="{reference}" s="{parts.StyleOf(f.NumberFormat).ToString(CultureInfo.InvariantCulture)}"><v>{Number(f.Value)}</v></c>""",
        FormulaCell { Cached: DateTime d } f => $"""<c r="{reference}" s="1"><f>{SecurityElement.Escape(f.Formula)}</f><v>{Number(d)}</v></c>""",
        FormulaCell f => $"""<c r="{reference}"><f>{SecurityElement.Escape(f.Formula)}</f><v>{Number(f.Cached)}</v></c>""",
        bool b => $"""<c r="{reference}" t="b"><v>{(b ? 1 : 0)}</v></c>""",
        DateTime d => $"""<c r="{reference}" s="1"><v>{Number(d)}</v></c>""",
        IFormattable => $"""<c r="{reference}"><v>{Number(value)}</v></c>""",
        _ => throw new ArgumentException($"Unsupported cell value type {value.GetType().Name}.", nameof(value)),
    };

    private static string Number(object value) => value switch
    {
        DateTime d => d.ToOADate().ToString("R", CultureInfo.InvariantCulture),
        IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A formatted cell needs a number or a date, not {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>The shared strings and custom number formats used by the worksheets, numbered in order of first use.</summary>
    private sealed class Parts
    {
        private readonly List<string> _sharedStrings = [];
        private readonly List<string> _formats = [];

        public Parts(Sheet[] sheets)
        {
            foreach (var cell in sheets.SelectMany(static s => s.Rows).SelectMany(static r => r ?? []))
            {
                switch (cell)
                {
                    case SharedString s when !_sharedStrings.Contains(s.Text):
                        _sharedStrings.Add(s.Text);
                        break;
                    case Formatted f when !_formats.Contains(f.NumberFormat):
                        _formats.Add(f.NumberFormat);
                        break;
                }
            }
        }

        public bool HasSharedStrings => _sharedStrings.Count > 0;

        public int SharedStringIndex(string text) => _sharedStrings.IndexOf(text);

        public int StyleOf(string numberFormat) => FirstCustomStyle + _formats.IndexOf(numberFormat);

        public string SharedStrings()
        {
            var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{_sharedStrings.Count}" uniqueCount="{_sharedStrings.Count}">""");
            foreach (var s in _sharedStrings)
            {
                sb.Append(CultureInfo.InvariantCulture, $"""<si><t xml:space="preserve">{SecurityElement.Escape(s)}</t></si>""");
            }

            return sb.Append("</sst>").ToString();
        }

        public string Styles()
        {
            var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
            if (_formats.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"""<numFmts count="{_formats.Count}">""");
                for (var i = 0; i < _formats.Count; i++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"""<numFmt numFmtId="{FirstCustomFormatId + i}" formatCode="{SecurityElement.Escape(_formats[i])}"/>""");
                }

                sb.Append("</numFmts>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"""<cellXfs count="{FirstCustomStyle + _formats.Count}"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>""");
            for (var i = 0; i < _formats.Count; i++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"""<xf numFmtId="{FirstCustomFormatId + i}" applyNumberFormat="1"/>""");
            }

            return sb.Append("</cellXfs></styleSheet>").ToString();
        }
    }
}
