using System.Text;

using Linkage.Read;
using Linkage.Tests.TestSupport;

using static Linkage.Tests.Read.ReadTestKit;

namespace Linkage.Tests.Read;

[TestClass]
public sealed class SourceReaderEncodingTests
{
    [TestMethod]
    public void SourceReader_reads_utf8_without_bom_as_valid_utf8()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("es.csv", "país;año;niños\nESP;2020;7\n");

        using var table = OpenTable(path);

        Assert.AreEqual("utf-8", table.Info.Encoding);
        Assert.AreEqual("valid UTF-8", table.Info.EncodingReason);
        AssertSequence(table.Header, "país", "año", "niños");
        Assert.AreEqual("2:ESP|2020|7", Show(ReadAll(table).Single()));
    }

    [TestMethod]
    public void SourceReader_reads_utf8_with_bom_and_drops_the_bom_from_the_first_header_field()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("bom.csv", "country;year\nFRA;2020\n", bom: true);

        using var table = OpenTable(path);

        Assert.AreEqual("utf-8", table.Info.Encoding);
        Assert.AreEqual("byte order mark", table.Info.EncodingReason);
        Assert.AreEqual("country", table.Header[0]);
        Assert.HasCount(1, ReadAll(table));
    }

    [TestMethod]
    [DataRow(false, "utf-16le")]
    [DataRow(true, "utf-16be")]
    public void SourceReader_reads_utf16_with_bom(bool bigEndian, string expected)
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("u16.csv", "страна\tгод\r\nRUS\t2021\r\nFRA\t2022\r\n", new UnicodeEncoding(bigEndian, false), bom: true);

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        Assert.AreEqual(expected, table.Info.Encoding);
        Assert.AreEqual("byte order mark", table.Info.EncodingReason);
        Assert.AreEqual('\t', table.Info.Delimiter);
        AssertSequence(table.Header, "страна", "год");
        AssertSequence(rows.Select(Show), "2:RUS|2021", "3:FRA|2022");
    }

    [TestMethod]
    public void SourceReader_recognises_utf16le_without_bom_instead_of_calling_it_binary()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("nobom.csv", "country,year,children\nFRA,2020,5\n", Encoding.Unicode, bom: false);

        using var table = OpenTable(path);

        Assert.AreEqual("utf-16le", table.Info.Encoding);
        StringAssert.Contains(table.Info.EncodingReason, "no byte order mark");
        Assert.AreEqual("2:FRA|2020|5", Show(ReadAll(table).Single()));
    }

    [TestMethod]
    [DataRow("pays;année;traités à l'intérieur;traités à l'étranger\nFRA;2021;3;4\n", "")]
    [DataRow("Land;Jahr;Größe;Inländisch;Ausländisch\nDEU;2021;1;2;3\n", "de-DE")]
    [DataRow("país;año;niños;trata interna\nESP;2021;1;2\n", "tr-TR")]
    public void SourceReader_detects_windows1252_when_accents_sit_inside_latin_words(string text, string culture)
    {
        using var scope = new CultureScope(culture);
        using var dir = new TempFolder();
        var path = dir.WriteText("west.csv", text, CodePage(1252));

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        Assert.AreEqual("windows-1252", table.Info.Encoding);
        StringAssert.Contains(table.Info.EncodingReason, "Western European");
        var lines = text.Split('\n');
        CollectionAssert.AreEqual(lines[0].Split(';'), table.Header.ToArray());
        Assert.AreEqual("2:" + lines[1].Replace(';', '|'), Show(rows.Single()));
    }

    [TestMethod]
    [DataRow("страна;год;внутренний\nRUS;2021;4\n")]
    [DataRow("Страна;Год;Дети, ставшие жертвами торговли внутри страны;Ёлка\nRUS;2021;4;1\n")]
    public void SourceReader_detects_windows1251_when_bytes_are_cyrillic(string text)
    {
        using var scope = new CultureScope("tr-TR");
        using var dir = new TempFolder();
        var path = dir.WriteText("ru.csv", text, CodePage(1251));

        using var table = OpenTable(path);

        Assert.AreEqual("windows-1251", table.Info.Encoding);
        StringAssert.Contains(table.Info.EncodingReason, "Cyrillic (windows-1251)");
        CollectionAssert.AreEqual(text.Split('\n')[0].Split(';'), table.Header.ToArray());
        Assert.HasCount(1, ReadAll(table));
    }

    [TestMethod]
    public void SourceReader_uses_the_forced_encoding_and_says_so()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("forced.csv", "Größe;Jahr\n1;2\n", CodePage(1252));

        using var table = OpenTable(path, new ReadOptions { Encoding = CodePage(1252) });

        Assert.AreEqual("windows-1252", table.Info.Encoding);
        Assert.AreEqual("--encoding", table.Info.EncodingReason);
        Assert.AreEqual("Größe", table.Header[0]);
    }

    [TestMethod]
    public void SourceReader_reports_a_header_that_is_not_valid_in_the_forced_encoding()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("wrong.csv", "Größe;Jahr\n1;2\n", CodePage(1252));

        var outcome = OpenFailing(path, new ReadOptions { Encoding = Encoding.UTF8 });

        AssertProblem(outcome.Problem, "file-invalid-encoding", "wrong.csv");
        Assert.AreEqual(1, outcome.Problem!.Row);
        StringAssert.Contains(outcome.Problem.Message, "--encoding");
    }

    [TestMethod]
    public void SourceReader_rejects_a_row_with_invalid_bytes_after_the_detection_prefix_and_keeps_reading()
    {
        using var dir = new TempFolder();
        var text = new StringBuilder("state,count\n");
        var line = 1;
        while (text.Length < SourceReader.DetectionBytes + 1000)
        {
            text.Append("FRA,1\n");
            line++;
        }

        var ascii = Encoding.ASCII.GetBytes(text.ToString());
        byte[] tail = [.. "caf"u8, 0xE9, .. ",2\nDEU,3\n"u8];
        var path = dir.WriteBytes("late.csv", [.. ascii, .. tail]);

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        Assert.AreEqual("utf-8", table.Info.Encoding);
        var problem = table.RowProblems.Single();
        Assert.AreEqual("row-invalid-encoding", problem.Code);
        Assert.AreEqual(line + 1, problem.Row);
        Assert.AreEqual($"{line + 2}:DEU|3", Show(rows[^1]));
        Assert.AreEqual(line + 1, rows.Count + table.RowProblems.Count, "every data line is a row or a row problem");
        Assert.AreEqual(HashOf(path), table.Sha256);
    }

    [TestMethod]
    [DataRow("страна;год;внутренний", 1251)]
    [DataRow("год", 1251)]
    [DataRow("ГОД;Ёлка", 1251)]
    [DataRow("Größe;Jahr", 1252)]
    [DataRow("año;país", 1252)]
    [DataRow("été;à;où", 1252)]
    [DataRow("ÉTÉ", 1252)]
    [DataRow("à", 1252)]
    [DataRow("Straße 5 – 7 €", 1252)]
    public void EncodingDetector_tells_cyrillic_from_western_on_short_headers(string header, int codePage)
    {
        var bytes = CodePage(codePage).GetBytes(header + "\n");

        var guess = EncodingDetector.Detect(bytes, atEnd: true);

        Assert.AreEqual($"windows-{codePage}", guess.Name, guess.Reason);
        Assert.AreEqual(header + "\n", guess.Encoding.GetString(bytes));
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void SourceReader_never_yields_a_lone_surrogate_from_utf16_bytes(bool bigEndian)
    {
        // A lone surrogate code unit in UTF-16 bytes decodes to U+FFFD, so the CSV reader rejects the row as undecodable.
        using var dir = new TempFolder();
        var encoding = new UnicodeEncoding(bigEndian, false);
        byte[] lone = bigEndian ? [0xD8, 0x00] : [0x00, 0xD8];
        var path = dir.WriteBytes("u16.csv", [.. encoding.GetPreamble(), .. encoding.GetBytes("country\tnote\r\nFRA\tok\r\nDEU\tx"), .. lone, .. encoding.GetBytes("y\r\nITA\tfine\r\n")]);

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        AssertSequence(rows.Select(Show), "2:FRA|ok", "4:ITA|fine");
        Assert.AreEqual("row-invalid-encoding", table.RowProblems.Single().Code);
        Assert.AreEqual(3, table.RowProblems.Single().Row);
    }

    [TestMethod]
    public void SourceReader_rejects_a_csv_row_holding_the_noncharacter_u_fffe_as_invalid_text()
    {
        // U+FFFE is valid UTF-8 (EF BF BE) but not text, and string.Normalize throws on it, as on a lone surrogate.
        using var dir = new TempFolder();
        var path = dir.WriteText("nonchar.csv", "country;note\nFRA;ok\nDEU;x\uFFFEy\nITA;fine\n");

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        AssertSequence(rows.Select(Show), "2:FRA|ok", "4:ITA|fine");
        var problem = table.RowProblems.Single();
        Assert.AreEqual("row-invalid-text", problem.Code);
        Assert.AreEqual(3, problem.Row);
        Assert.AreEqual("note", problem.Column);
        Assert.AreEqual(
            "Found text that is not valid Unicode (the noncharacter U+FFFE) in 'nonchar.csv', row 3, column 'note'; expected ordinary characters, so the row was not read: save the file again as UTF-8 (a U+FFFE is usually a byte order mark read in the wrong byte order).",
            problem.Message);
    }

    [TestMethod]
    public void SourceReader_reports_a_csv_header_holding_the_noncharacter_u_fffe()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("nonchar-head.csv", "country;\uFFFEyear\nFRA;2020\n");

        var outcome = OpenFailing(path);

        AssertProblem(outcome.Problem, "file-invalid-text", "nonchar-head.csv");
        Assert.AreEqual(1, outcome.Problem!.Row);
        Assert.AreEqual(HashOf(path), outcome.Sha256);
    }
}
