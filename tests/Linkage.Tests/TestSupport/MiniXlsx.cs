using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Linkage.Tests.TestSupport;

/// <summary>
/// Writes minimal valid .xlsx workbooks for tests (ExcelDataReader only reads): strings as inline strings,
/// numbers as numbers, <see cref="DateTime"/> as date-formatted serial numbers, booleans as booleans.
/// </summary>
public static class MiniXlsx
{
    /// <summary>One worksheet: its name and rows; a null row leaves that worksheet row out (a gap), a null cell is an empty cell.</summary>
    public sealed record Sheet(string Name, IReadOnlyList<object?[]?> Rows);

    /// <summary>Writes a workbook with one worksheet.</summary>
    public static void Write(string path, string sheetName, params object?[]?[] rows) => Write(path, new Sheet(sheetName, rows));

    /// <summary>Writes a workbook with the given worksheets, in order.</summary>
    public static void Write(string path, params Sheet[] sheets)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Entry(zip, "[Content_Types].xml", ContentTypes(sheets.Length));
        Entry(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry(zip, "xl/workbook.xml", Workbook(sheets));
        Entry(zip, "xl/_rels/workbook.xml.rels", WorkbookRels(sheets.Length));
        Entry(zip, "xl/styles.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>""");
        for (var i = 0; i < sheets.Length; i++)
        {
            Entry(zip, $"xl/worksheets/sheet{i + 1}.xml", Worksheet(sheets[i]));
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

    private static string ContentTypes(int sheetCount)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
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

    private static string WorkbookRels(int sheetCount)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 1; i <= sheetCount; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        }

        sb.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{sheetCount + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""");
        return sb.Append("</Relationships>").ToString();
    }

    private static string Worksheet(Sheet sheet)
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
                    sb.Append(Cell(ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture), value));
                }
            }

            sb.Append("</row>");
        }

        return sb.Append("</sheetData></worksheet>").ToString();
    }

    private static string Cell(string reference, object value) => value switch
    {
        string s => $"""<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{SecurityElement.Escape(s)}</t></is></c>""",
        bool b => $"""<c r="{reference}" t="b"><v>{(b ? 1 : 0)}</v></c>""",
        DateTime d => $"""<c r="{reference}" s="1"><v>{d.ToOADate().ToString("R", CultureInfo.InvariantCulture)}</v></c>""",
        IFormattable n => $"""<c r="{reference}"><v>{n.ToString(null, CultureInfo.InvariantCulture)}</v></c>""",
        _ => throw new ArgumentException($"Unsupported cell value type {value.GetType().Name}.", nameof(value)),
    };
}
