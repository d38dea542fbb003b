using Linkage.Read;
using Linkage.Tests.TestSupport;

using static Linkage.Tests.Read.ReadTestKit;

namespace Linkage.Tests.Read;

[TestClass]
public sealed class SourceReaderLayoutTests
{
    [TestMethod]
    public void SourceReader_keeps_quoted_delimiters_and_newlines_and_numbers_rows_by_their_start_line()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("quoted.csv", "state,note,count\r\nFRA,\"one, two\r\nthree\",5\r\n\"DEU\",\"say \"\"hi\"\"\",6\r\nITA,x,7\r\n");

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        Assert.HasCount(3, rows);
        Assert.AreEqual(2, rows[0].Line);
        Assert.AreEqual("one, two\r\nthree", rows[0].Fields[1]);
        Assert.AreEqual("4:DEU|say \"hi\"|6", Show(rows[1]));
        Assert.AreEqual("5:ITA|x|7", Show(rows[2]));
        Assert.IsEmpty(table.RowProblems);
    }

    [TestMethod]
    public void SourceReader_skips_blank_lines_without_counting_them_as_rows()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("blank.csv", "a;b;c\n\n1;2;3\n;;\n   \n4;5;6\n\t ; ;\u00A0\n");

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        AssertSequence(rows.Select(Show), "3:1|2|3", "6:4|5|6");
        Assert.IsEmpty(table.RowProblems);
    }

    [TestMethod]
    public void SourceReader_ignores_trailing_empty_columns()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("trail.csv", "a;b;;\n1;2;;\n3;;;\n");

        using var table = OpenTable(path);

        AssertSequence(table.Header, "a", "b");
        AssertSequence(ReadAll(table).Select(Show), "2:1|2", "3:3");
    }

    [TestMethod]
    public void SourceReader_trims_surrounding_whitespace_but_keeps_inner_text()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("ws.csv", " country , year \n\u00A0FRA\u00A0,\t1 234 \n");

        using var table = OpenTable(path);

        AssertSequence(table.Header, "country", "year");
        AssertSequence(ReadAll(table).Single().Fields, "FRA", "1 234");
    }

    [TestMethod]
    [DataRow("Table 1. Children identified, 2019–2024\n\ncountry,year,internal,international\nFRA,2019,1,2\n", 3)]
    [DataRow("Table 1. Children identified\nSource: Ministry of the Interior\n\ncountry;year;internal\nFRA;2019;1\n", 4)]
    [DataRow("\"Table 1. Children identified, 2019–2024\",,,\ncountry,year,internal,international\nFRA,2019,1,2\n", 2)]
    public void SourceReader_skips_a_title_preamble_before_the_header(string text, int headerLine)
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("pre.csv", text);

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        Assert.AreEqual(headerLine, table.Info.HeaderLine);
        Assert.AreEqual("country", table.Header[0]);
        Assert.AreEqual(headerLine + 1, rows.Single().Line);
        Assert.AreEqual("FRA", rows.Single().Fields[0]);
    }

    [TestMethod]
    public void SourceReader_reports_a_quote_never_closed_and_reads_the_lines_after_it_as_rows()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("broken.csv", "state,count\nFRA,1\nDEU,\"2\nITA,3\nESP,4\n");

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        AssertSequence(rows.Select(Show), "2:FRA|1", "4:ITA|3", "5:ESP|4");
        var problem = table.RowProblems.Single();
        Assert.AreEqual("row-broken-quote", problem.Code);
        Assert.AreEqual(3, problem.Row);
        Assert.AreEqual("DEU,\"2", problem.Value);
        Assert.AreEqual(
            "Found a quote that is not closed on the same line in 'broken.csv', row 3 ('DEU,\"2'); expected every opening \" to be closed before the row ends, so the row was not read and the lines after it were read as rows of their own: close or remove the quote.",
            problem.Message);
        Assert.AreEqual(4, rows.Count + table.RowProblems.Count, "every data line is a row or a row problem");
    }

    [TestMethod]
    public void SourceReader_reports_a_stray_quote_that_pairs_with_a_later_one()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("paired.csv", "state,count\nFRA,\"1\nDEU,2\nITA,\"3\"\nESP,4\n");

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        AssertSequence(rows.Select(Show), "3:DEU|2", "4:ITA|3", "5:ESP|4");
        Assert.AreEqual(2, table.RowProblems.Single().Row);
        Assert.AreEqual(4, rows.Count + table.RowProblems.Count, "every data line is a row or a row problem");
    }

    [TestMethod]
    public void SourceReader_reports_an_unclosed_quote_on_the_last_line()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("last.csv", "state,count\nFRA,1\nDEU,\"2");

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        Assert.AreEqual("2:FRA|1", Show(rows.Single()));
        Assert.AreEqual(3, table.RowProblems.Single().Row);
    }

    [TestMethod]
    public void SourceReader_reads_a_10_MB_field_without_crashing()
    {
        using var dir = new TempFolder();
        var big = new string('x', 10_000_000);
        var path = dir.WriteText("big.csv", $"state,note\nFRA,\"{big}\"\nDEU,{big}\nITA,short\n");

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        Assert.HasCount(3, rows);
        Assert.AreEqual(10_000_000, rows[0].Fields[1].Length);
        Assert.AreEqual(10_000_000, rows[1].Fields[1].Length);
        Assert.AreEqual("4:ITA|short", Show(rows[2]));
    }

    [TestMethod]
    public void SourceReader_streams_rows_once()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("once.csv", "a,b\n1,2\n");

        using var table = OpenTable(path);
        _ = ReadAll(table);

        Assert.ThrowsExactly<InvalidOperationException>(() => table.ReadRows());
    }

    [TestMethod]
    public void HeaderDetector_takes_the_first_row_when_no_later_row_is_tabular()
    {
        ProbeRecord[] rows = [new(1, 1, ["country"]), new(2, 1, ["FRA"]), new(3, 1, ["DEU"])];

        Assert.AreEqual(0, HeaderDetector.Find(rows));
    }

    [TestMethod]
    public void SourceReader_stops_with_a_row_problem_when_an_open_quote_swallows_more_than_the_record_limit()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("runaway.csv", "state,note\nFRA,1\nDEU,\"" + new string('x', 3 << 20) + "\nITA,2\n");

        var outcome = SourceReader.Open(path, "runaway.csv", default, maxRecordMiB: 1);
        using var table = outcome.Table!;
        var rows = ReadAll(table);

        Assert.AreEqual("2:FRA|1", Show(rows.Single()));
        var problem = table.RowProblems.Single();
        Assert.AreEqual("row-too-large", problem.Code);
        Assert.AreEqual(3, problem.Row);
        Assert.AreEqual(HashOf(path), table.Sha256);
    }

    [TestMethod]
    [DataRow("a;b;c\r\n1;2;3\r\n\u001A")]
    [DataRow("a;b;c\r\n1;2;3\r\n\u001A\r\n")]
    [DataRow("a;b;c\r\n1;2;3\u001A")]
    public void SourceReader_skips_a_trailing_dos_end_of_file_mark(string text)
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("dos.csv", text);

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        AssertSequence(rows.Select(Show), "2:1|2|3");
        Assert.IsEmpty(table.RowProblems);
    }
}
